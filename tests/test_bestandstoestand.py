"""``paths.per_bestandstoestand``: the one (path, file state) cache of the loaders."""

import os

from wijkrapport.paths import bestandstoestand, per_bestandstoestand


def test_an_edited_file_is_read_again_an_unchanged_one_is_not(tmp_path):
    gelezen = []

    @per_bestandstoestand(maxsize=4)
    def lees(path, extra):
        gelezen.append(path.read_text())
        return gelezen[-1] + extra

    f = tmp_path / "a.csv"
    f.write_text("1")
    assert lees(f, "!") == lees(str(f), "!") == "1!"
    assert gelezen == ["1"]
    f.write_text("22")  # another size
    assert lees(f, "!") == "22!"
    f.write_text("33")  # same size, later mtime
    st = f.stat()
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert lees(f, "!") == "33!"
    assert gelezen == ["1", "22", "33"]
    assert bestandstoestand(tmp_path / "weg.csv") == (-1, -1)
