"""From notebooks and frames to what readers see: charts, tables, maps, HTML, PDF and open-data downloads."""
