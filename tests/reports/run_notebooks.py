#!/usr/bin/python3
"""Runs notebooks top to bottom in one Jupyter kernel, as `jupyter nbconvert
--execute` would run each in a kernel of its own: starting a kernel and
importing pandas and matplotlib is most of a notebook's run.

Before each notebook the kernel is made clean again: every name the previous
notebook defined is gone (%reset -f), open figures are closed, pandas'
options and matplotlib's rcParams are as they were before the first notebook,
the working directory is the notebook's folder and ROICAST_RESULTS and
ROICAST_CSV are this process's. A cell may run 120 s, as before. Each
executed copy is written to OUT_DIR/<name>.ipynb, a failed one up to the
failing cell. A failure names the notebook and the cell and prints the error;
the notebooks after it still run (in a restarted kernel when it died).

usage: run_notebooks.py OUT_DIR NOTEBOOK.ipynb...
"""
import asyncio
import os
import pathlib
import sys
import time
import traceback

import nbformat
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, DeadKernelError

CELL_TIMEOUT = 120
KERNEL = "python3"  # every notebook's kernelspec
ENVIRONMENT = ("ROICAST_RESULTS", "ROICAST_CSV")

# Run once, before the first notebook: what "as before the first notebook" means.
BEFORE_ALL = """
import matplotlib, matplotlib.pyplot
get_ipython()._roicast_rc = dict(matplotlib.rcParams)
"""

# Run before every notebook; the snapshot lives on the shell, not in the namespace %reset -f clears.
BETWEEN = """
import os as _os, sys as _sys, warnings as _warnings
if "matplotlib.pyplot" in _sys.modules:
    _sys.modules["matplotlib.pyplot"].close("all")
    _sys.modules["matplotlib"].rcParams.update(get_ipython()._roicast_rc)
if "pandas" in _sys.modules:
    with _warnings.catch_warnings():
        _warnings.simplefilter("ignore")
        _sys.modules["pandas"].reset_option("all")
_os.chdir({cwd!r})
for _k, _v in {env!r}.items():
    if _v is None:
        _os.environ.pop(_k, None)
    else:
        _os.environ[_k] = _v
get_ipython().run_line_magic("reset", "-f")
"""


def code_notebook(source):
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])


async def run_code(km, source, what):
    """Runs SOURCE in the kernel as a notebook of one cell; raises naming WHAT if it fails."""
    client = NotebookClient(code_notebook(source), km=km, kernel_name=KERNEL, timeout=CELL_TIMEOUT)
    try:
        await client.async_execute()
    except CellExecutionError as e:
        raise RuntimeError(f"{what} failed:\n{e}") from None
    finally:
        if client.kc is not None:
            client.kc.stop_channels()


async def run_notebook(km, path, out_dir):
    """Executes the notebook at PATH in the kernel of KM; returns None or what failed."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, km=km, kernel_name=KERNEL, timeout=CELL_TIMEOUT,
                            resources={"metadata": {"path": str(path.parent)}})
    at = {}
    client.on_cell_execute = lambda cell, cell_index: at.update(index=cell_index)
    started = time.monotonic()
    failure = None
    try:
        await client.async_execute()
    except Exception as e:  # a cell's error, its timeout, or the kernel's death
        index = at.get("index")
        where = f"cell {index} (counting from 0; code cell {count_code(nb, index)})" if index is not None else "before its first cell"
        detail = str(e) if isinstance(e, CellExecutionError) else traceback.format_exc()
        failure = f"{path.name}, {where}: {type(e).__name__}\n{detail}"
    finally:
        if client.kc is not None:
            client.kc.stop_channels()
    out = out_dir / path.name
    nbformat.write(nb, out)
    if failure is None:
        print(f"{path.name}: ok, {count_code(nb, len(nb.cells) - 1)} code cells in "
              f"{time.monotonic() - started:.1f} s; executed copy {out}", flush=True)
    return failure


def count_code(nb, index):
    """How many code cells there are up to and including cell INDEX (1-based, as a reader counts them)."""
    return sum(1 for c in nb.cells[:index + 1] if c.cell_type == "code")


async def main():
    out_dir = pathlib.Path(sys.argv[1])
    notebooks = [pathlib.Path(p).resolve() for p in sys.argv[2:]]
    out_dir.mkdir(parents=True, exist_ok=True)
    env = {k: os.environ.get(k) for k in ENVIRONMENT}
    km = AsyncKernelManager(kernel_name=KERNEL)
    # As nbclient starts its own: in the first notebook's folder, history in memory.
    start = dict(cwd=str(notebooks[0].parent), extra_arguments=["--HistoryManager.hist_file=:memory:"])
    await km.start_kernel(**start)
    failures = []
    try:
        await run_code(km, BEFORE_ALL, "setting up the kernel")
        for path in notebooks:
            try:
                await run_code(km, BETWEEN.format(cwd=str(path.parent), env=env), f"cleaning the kernel for {path.name}")
                failure = await run_notebook(km, path, out_dir)
            except (RuntimeError, DeadKernelError) as e:
                failure = f"{path.name}: {e}"
            if failure:
                failures.append(failure)
                print(f"FAIL: {failure}", flush=True)
                if await km.is_alive():
                    await km.interrupt_kernel()  # a cell past its timeout may still be running
                else:
                    await km.restart_kernel(now=True)
                    await run_code(km, BEFORE_ALL, "setting up the restarted kernel")
    finally:
        await km.shutdown_kernel(now=False)
    if failures:
        print(f"{len(failures)} of {len(notebooks)} notebooks failed: "
              + ", ".join(f.split(",")[0].split(":")[0] for f in failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
