"""Publishing reports into a year folder: each report as a whole set, with the manifest and landing page.

A report's set is every file its build made. Publishing it replaces its previous set in one
:class:`~wijkrapport.engine.transaction.Transactie`, together with ``manifest.json`` and ``index.html``: files the new
build no longer makes (a table of a plan that stopped covering the wijk, old executed notebooks) are
removed, and the manifest and landing page list exactly the files that are in place. Reports that the params
no longer define are removed the same way by a full run. A run with nothing to publish writes nothing.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from wijkrapport import __version__
from wijkrapport.errors import PublicatieFout

from . import manifest as mf
from . import processes
from .rapport import Rapport, Uitkomst
from .transaction import Transactie, oorzaak


def _uitvoer(staging: Path, files: list[str]) -> dict[str, dict]:
    """Size and SHA-256 of each staged file, as the manifest records them."""
    uit = {}
    for rel in files:
        h = hashlib.sha256()
        with (staging / rel).open("rb") as f:
            for blok in iter(lambda: f.read(1 << 20), b""):
                h.update(blok)
        uit[rel] = {"bytes": (staging / rel).stat().st_size, "sha256": h.hexdigest()}
    return uit


def _nu() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Uitgever:
    """Publishes into ``target`` (``<out>/<jaar>``), starting from its manifest ``manifest`` (as read by
    :func:`wijkrapport.engine.manifest.lees`). ``groepen``: the landing page's groups, one per report type
    (``rendering.landing.Groep``, from the registry via the plan)."""

    def __init__(self, target: Path, manifest: dict, groepen: tuple = ()):
        self.target = target
        self.manifest = manifest
        self.groepen = groepen

    def _vastleggen(self, manifest: dict, plaats: dict[str, Path], verwijder: set[str], index: bool = True) -> None:
        """One transaction: the files ``plaats`` (rel -> staged file) in, ``verwijder`` out, the new manifest
        and (with ``index``) the landing page with them. Signals wait until it is done; raises
        :class:`PublicatieFout`."""
        from wijkrapport.rendering.landing import index_html

        with processes.kritiek():
            try:
                self.target.mkdir(parents=True, exist_ok=True)
                with Transactie(self.target) as tx:
                    for rel, bron in sorted(plaats.items()):
                        tx.plaats(rel, bron)
                    for rel in sorted(verwijder - set(plaats)):
                        tx.verwijder_bestand(rel)
                    tx.schrijf(mf.NAAM, mf.tekst(manifest, self.target.name))
                    if index:
                        tx.schrijf("index.html", index_html(self.target.name, manifest, self.groepen))
                    tx.vastleggen()
            except OSError as exc:
                raise PublicatieFout(oorzaak(exc)) from exc
        self.manifest = manifest

    def publiceer(self, rapport: Rapport, staging: Path, uitkomst: Uitkomst) -> None:
        """Replace ``rapport``'s published set by the files ``uitkomst.outputs`` staged in ``staging``."""
        files = list(uitkomst.outputs)
        oud = self.manifest["rapporten"].get(rapport.id)
        entry = {"status": "gebouwd", "gebouwd_op": _nu(), "duur_s": round(uitkomst.duur, 2),
                 "duur_notebooks_s": round(uitkomst.duur_notebooks, 2),
                 "duur_html_pdf_s": round(uitkomst.duur - uitkomst.duur_notebooks, 2),
                 "outputs": files, "uitvoer": _uitvoer(staging, files),
                 "versie": __version__, "inputs": dict(rapport.inputs), "titel": rapport.titel,
                 "html": rapport.html_rel, "pdf": rapport.pdf_rel, "data": rapport.data_rel,
                 "notebooks": rapport.notebooks_rel, "gebied": rapport.meta_dict().get("gebied")}
        weg = set(mf.bestanden_van(oud)) | mf.eigen_bestanden(self.target, rapport.html_rel, rapport.pdf_rel,
                                                               rapport.data_rel, rapport.notebooks_rel)
        manifest = copy.deepcopy(self.manifest)
        manifest["rapporten"][rapport.id] = entry
        self._vastleggen(manifest, {rel: staging / rel for rel in files}, weg)

    def afsluiten(self, uitkomsten: list[Uitkomst], verwijderen: list[str]) -> list[Uitkomst]:
        """At the end of a run: record failures, remove the reports in ``verwijderen`` (ids no longer in the
        params), and write the landing page if it is missing. Returns the outcomes of the removals; when
        this last step fails, they say so and an outcome for the manifest is added."""
        manifest = copy.deepcopy(self.manifest)
        stamp = _nu()
        gewijzigd = False
        for u in uitkomsten:
            if u.status != "mislukt":
                continue
            entry = manifest["rapporten"].get(u.rapport, {})
            entry.update({"status": "mislukt", "laatste_poging": stamp,
                          "laatste_fout": {k: v for k, v in asdict(u).items() if k in ("fout", "notebook", "cel")}})
            manifest["rapporten"][u.rapport] = entry
            gewijzigd = True
        weg: set[str] = set()
        verwijderd: list[Uitkomst] = []
        index_weg = not (self.target / "index.html").is_file()
        for rid in verwijderen:
            entry = manifest["rapporten"].pop(rid)
            bestanden = set(mf.bestanden_van(entry)) | mf.eigen_bestanden(
                self.target, entry.get("html"), entry.get("pdf"), entry.get("data"), entry.get("notebooks"))
            weg |= bestanden
            verwijderd.append(Uitkomst(rid, "verwijderd", outputs=sorted(bestanden)))
            gewijzigd = True
        if not gewijzigd and (not index_weg or not self.target.is_dir()):
            return verwijderd
        try:  # a failure alone changes only the manifest: the landing page and every report stay byte-identical
            self._vastleggen(manifest, {}, weg, index=bool(verwijderd) or index_weg)
        except PublicatieFout as exc:
            fout = f"manifest.json en index.html niet bijgewerkt: {exc}"
            return [Uitkomst(u.rapport, "mislukt", fout=f"niet verwijderd: {exc}") for u in verwijderd] + [
                Uitkomst("manifest.json", "mislukt", fout=fout)]
        return verwijderd
