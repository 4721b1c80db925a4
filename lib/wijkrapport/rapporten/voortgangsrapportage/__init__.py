"""The voortgangsrapportage of a programme: the doelstelling table, its chapters' views and texts."""
