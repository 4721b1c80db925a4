"""The boundary of the fast kernel start: the private parts of jupyter_client, ipykernel and multiprocessing it
uses are still there with the parameters it expects, and when one is not, runs use standard kernels.

No kernel is started here.
"""

from __future__ import annotations

import inspect

import pytest
from jupyter_client.manager import AsyncKernelManager
from wijkrapport.engine import executors, kernels, kernelserver, processes, runner


@pytest.fixture(autouse=True)
def _verse_controle():
    kernels.snelle_start_mogelijk.cache_clear()
    yield
    kernels.snelle_start_mogelijk.cache_clear()


def _eigen_private_methoden(klasse) -> set[str]:
    """The private methods a class defines itself (traitlets' ``@default`` handlers are public API)."""
    return {n for n, v in vars(klasse).items()
            if n.startswith("_") and not n.startswith("__") and inspect.isfunction(v)}


@pytest.mark.parametrize("eis", kernels.EISEN, ids=lambda e: f"{e.bibliotheek}:{e.naam}")
def test_private_part_still_as_expected(eis):
    reden = kernels.afwijking(eis)
    if reden:
        pytest.fail(f"the fast kernel start relies on {reden}; adapt engine/kernels.py or kernelserver.py "
                    "(or keep the pin in pyproject.toml below this version)")


def test_every_overridden_private_method_is_checked():
    """A private method IPCKernelManager or GereedClient overrides, or a new one, cannot slip past the check."""
    gecontroleerd = {e.naam for e in kernels.EISEN}
    for klasse in (kernels.IPCKernelManager, kernels.GereedClient, kernelserver.VoorgeladenProvisioner):
        eigen = _eigen_private_methoden(klasse)
        assert eigen <= gecontroleerd, f"{klasse.__name__} overrides {sorted(eigen - gecontroleerd)} unchecked"


def test_all_parts_present_in_this_environment():
    assert kernels.snelle_start_mogelijk() == (True, "")
    assert kernels.kernel_manager_klasse() is kernels.IPCKernelManager


class _Oud:
    def methode(self, a, **kw):
        pass


@pytest.mark.parametrize(("methode", "verwacht"), [
    (lambda self, b, **kw: None, "ontbreekt a"),  # renamed
    (lambda self, a, extra, **kw: None, "nieuw verplicht extra"),  # a new required parameter
    (lambda self, a: None, "ontbreekt **kw"),  # no catch-all any more
])
def test_changed_signature_is_reported_with_version(monkeypatch, methode, verwacht):
    eis = kernels.Eis("jupyter_client", lambda: _Oud, "methode", ("self", "a", "**kw"))
    assert kernels.afwijking(eis) is None
    monkeypatch.setattr(_Oud, "methode", methode)
    reden = kernels.afwijking(eis)
    assert reden is not None and verwacht in reden
    assert reden.startswith("jupyter_client 8.") and "methode" in reden


def test_missing_part_is_reported():
    assert "bestaat niet meer" in kernels.afwijking(kernels.Eis("python", lambda: _Oud, "weg"))
    assert "geen trait meer" in kernels.afwijking(kernels.Eis("jupyter_client", kernels._client, "weg", trait=True))
    assert "niet te vinden" in kernels.afwijking(kernels.Eis("python", lambda: 1 / 0, "x"))


def test_library_change_switches_to_standard_kernels(monkeypatch, capsys):
    """jupyter_client renames a parameter of a method IPCKernelManager overrides: the run says why, in one
    line, its kernels come from the standard manager, and its workers start no fork server."""

    async def _async_wait(self, interval: float = 0.1) -> None:
        pass

    monkeypatch.setattr(AsyncKernelManager, "_async_wait", _async_wait)
    snel, reden = kernels.snelle_start_mogelijk()
    assert not snel and "_async_wait" in reden and "jupyter_client" in reden
    assert kernels.kernel_manager_klasse() is kernels.StandaardKernelManager

    runner._kernelstart_melden()
    regels = capsys.readouterr().err.splitlines()
    assert len(regels) == 1 and "standaardkernels" in regels[0] and "_async_wait" in regels[0]

    gestart = []
    monkeypatch.setattr(processes, "standaard_signalen_in_werker", lambda: None)
    monkeypatch.setattr(processes, "bewaak_ouder", lambda ouder: None)
    monkeypatch.setattr(kernelserver, "voorladen", lambda: gestart.append(True))
    executors._werker_start(1)
    assert gestart == []


def test_standard_manager_uses_public_api_only():
    assert _eigen_private_methoden(kernels.StandaardKernelManager) == set()
    assert not issubclass(kernels.StandaardKernelManager, kernels.IPCKernelManager)
    assert kernels.StandaardKernelManager.client_class.default_value == "jupyter_client.asynchronous.AsyncKernelClient"


def test_fallback_selected_when_check_fails(monkeypatch):
    monkeypatch.setattr(kernels, "snelle_start_mogelijk", lambda: (False, "jupyter_client 9.0: weg"))
    assert kernels.kernel_manager_klasse() is kernels.StandaardKernelManager


def test_provisioner_registered_through_entry_point():
    from jupyter_client.provisioning import KernelProvisionerFactory

    ingang = KernelProvisionerFactory.instance().provisioners.get(kernelserver.PROVISIONER)
    assert ingang is not None, "pyproject.toml entry point missing or package not reinstalled"
    assert ingang.load() is kernelserver.VoorgeladenProvisioner
