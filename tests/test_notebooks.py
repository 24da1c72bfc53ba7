"""The analyst notebooks (notebooks/*.py, jupytext percent format) run top to bottom.

Each notebook is converted with jupytext and executed with nbclient on a
python3 kernel running this interpreter (the venv's); any cell error fails the
test, and the outputs must contain real answers from the sample corpus.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

jupytext = pytest.importorskip("jupytext")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("pandas")
pytest.importorskip("matplotlib")

import nbformat  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
PROBE = "import sys; print('KERNEL-PREFIX', sys.prefix)"

# notebook -> (working directory, strings its outputs must contain)
EXPECT = {
    # CI runs from the repository root; Jupyter starts kernels in the notebook's folder
    "01_tour.py": (ROOT, ["阳政办〔2018〕9号", "许才勇 区水务局局长", "区商旅局", "unit-profile",
                          "person-network", "deadlines", "2018-05-31"]),
    "02_appointment_history.py": (NOTEBOOKS, ["区水务局", "易雄才", "许才勇", "2017-01", "2017-12",
                                              "阳政办〔2018〕7号", "阳政办〔2018〕5号", "李艳明", "常务副区长"]),
    "03_overload.py": (NOTEBOOKS, ["区商旅局", "区科技和经信局", "image/png", "<iframe"]),
}


def _kernel_name() -> str:
    """python3, if it starts this interpreter (jupyter_client maps argv[0] 'python' to
    sys.executable); otherwise install the venv's kernelspec into its prefix."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    def ok() -> bool:
        try:
            argv0 = KernelSpecManager().get_kernel_spec("python3").argv[0]
        except NoSuchKernel:
            return False
        return argv0 in ("python", f"python{sys.version_info[0]}", f"python{sys.version_info[0]}.{sys.version_info[1]}") \
            or Path(argv0).resolve() == Path(sys.executable).resolve()

    if not ok():
        import subprocess

        subprocess.run([sys.executable, "-m", "ipykernel", "install", "--sys-prefix", "--name", "python3"],
                       check=True, capture_output=True)
    return "python3"


def _text(nb) -> str:
    out = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            out.append(o.get("output_type", ""))
            if "text" in o:
                out.append(o["text"])
            for mime, data in o.get("data", {}).items():
                out.append(mime)
                if mime.startswith("text/"):
                    out.append(data if isinstance(data, str) else "".join(data))
    return "\n".join(out)


def test_every_notebook_is_tested():
    assert sorted(p.name for p in NOTEBOOKS.glob("[0-9]*.py")) == sorted(EXPECT)


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_notebook_runs(name, tmp_path, monkeypatch):
    cwd, wanted = EXPECT[name]
    nb = jupytext.read(NOTEBOOKS / name)
    assert nb.cells, name
    nb.cells.append(nbformat.v4.new_code_cell(PROBE))  # which environment the kernel runs in
    # temporary files (stores, pages) under pytest's tmp_path; MPLBACKEND for headless plots
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    monkeypatch.delenv("GOVGRAPH_REPO", raising=False)
    monkeypatch.delenv("GOVGRAPH_STORE", raising=False)
    client = nbclient.NotebookClient(nb, kernel_name=_kernel_name(), timeout=300,
                                     resources={"metadata": {"path": str(cwd)}})
    client.execute()  # raises CellExecutionError on the first failing cell

    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, errors
    text = _text(nb)
    assert f"KERNEL-PREFIX {sys.prefix}\n" in text, "the kernel runs another Python environment than the tests"
    missing = [w for w in wanted if w not in text]
    assert not missing, f"{name}: outputs lack {missing}"
    keep = os.environ.get("GOVGRAPH_NOTEBOOK_OUT")  # a folder for the executed copies, to look at
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, Path(keep) / name.replace(".py", ".ipynb"))
