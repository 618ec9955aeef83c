"""Ways to run the question encoder, compared in one run: latency per question and closeness.

    python scripts/bench_query_encoder.py [--rounds 2] [--before 9bf314e]

Texts: the 254 of tests/fixtures/minilm_numpy_before.npz (the search evaluation's questions,
the benchmark's generated questions and paraphrases, a few odd and one 256-token text) with
the embeddings the NumPy encoder of commit `--before` gave them. Each candidate embeds every
text; per text, the candidates run one after another in a rotating order (so a busy moment
of the shared machine hits them alike), for `--rounds` rounds. Printed per candidate: load
seconds, p50/p95 ms of one `encode_full` (tokenizing included), and the lowest and mean
cosine to the stored embeddings. Candidates (those whose packages are missing are skipped):

- numpy-before: the encoder of commit `--before` (read with `git show`);
- numpy: `bot.search.encoder` on its NumPy path (the fallback);
- ort-float: onnxruntime, the shipped graph as the encoder runs it (float32 products);
- ort-float-2threads: the same on two intra-op threads;
- ort-int8-blocks: the same graph with onnxruntime's default rewrite (MatMulNBits: products
  in int8, activations quantised per block);
- ort-int8-dynamic: the graph of `export_query_encoder_onnx.py --mode int8` (needs `onnx`);
- mpnet-ort, mpnet-numpy (with `--mpnet FOLDER`, the files of export_mpnet_onnx.py):
  all-mpnet-base-v2 as scripts/mpnet_encoder.py runs it; its cosines are to itself on onnxruntime
  (another model: the stored MiniLM embeddings do not apply).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import types
from collections.abc import Callable
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bot.search import encoder as current  # noqa: E402

FIXTURE = REPO / "tests" / "fixtures" / "minilm_numpy_before.npz"


def _before(revision: str) -> Callable[[str], np.ndarray]:
    source = subprocess.run(
        ["git", "-C", str(REPO), "show", f"{revision}:bot/search/encoder.py"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    module = types.ModuleType("encoder_before")
    module.__dict__["__file__"] = current.__file__
    exec(compile(source, "encoder_before", "exec"), module.__dict__)
    return module.QueryEncoder().encode_full  # type: ignore[no-any-return]


def _onnx(path: Path, threads: int, fold: bool) -> Callable[[str], np.ndarray]:
    import onnxruntime

    enc = current.QueryEncoder(runtime="numpy")
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    if fold:
        options.add_session_config_entry("session.disable_quant_qdq", "1")
    enc._session = onnxruntime.InferenceSession(
        str(path), options, providers=["CPUExecutionProvider"]
    )
    return enc.encode_full


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--before", default="9bf314e")
    parser.add_argument("--mpnet", type=Path, help="also all-mpnet-base-v2 from this folder")
    parser.add_argument("--skip", nargs="*", default=[], help="candidates left out")
    args = parser.parse_args()
    stored = np.load(FIXTURE)
    texts = [str(t) for t in stored["texts"]]
    before = stored["vectors"].astype(np.float32)
    before /= np.maximum(np.linalg.norm(before, axis=1, keepdims=True), 1e-12)

    graph = current.MODEL / "minilm.onnx"
    makers: dict[str, Callable[[], Callable[[str], np.ndarray]]] = {
        "numpy-before": lambda: _before(args.before),
        "numpy": lambda: current.QueryEncoder(runtime="numpy").encode_full,
        "ort-float": lambda: current.QueryEncoder(runtime="onnxruntime").encode_full,
        "ort-float-2threads": lambda: _onnx(graph, 2, fold=True),
        "ort-int8-blocks": lambda: _onnx(graph, 1, fold=False),
    }
    folder = tempfile.mkdtemp(prefix="whosaid-encoders-")
    try:
        import onnx

        sys.path.insert(0, str(REPO / "scripts"))
        from export_query_encoder_onnx import build

        weights = np.load(current.MODEL / "minilm.npz")
        dynamic = Path(folder) / "dynamic.onnx"
        onnx.save(build({n: weights[n] for n in weights.files}, "int8"), str(dynamic))  # type: ignore[arg-type]
        makers["ort-int8-dynamic"] = lambda: _onnx(dynamic, 1, fold=True)
    except ImportError:
        print("onnx not installed: ort-int8-dynamic skipped", file=sys.stderr)

    mpnet_reference: dict[str, np.ndarray] = {}
    if args.mpnet:
        sys.path.insert(0, str(REPO / "scripts"))
        from mpnet_encoder import MpnetEncoder

        makers["mpnet-ort"] = lambda: MpnetEncoder(args.mpnet, "onnxruntime").encode_full
        makers["mpnet-numpy"] = lambda: MpnetEncoder(args.mpnet, "numpy").encode_full
    runs: dict[str, Callable[[str], np.ndarray]] = {}
    loads: dict[str, float] = {}
    for name in args.skip:
        makers.pop(name, None)
    for name, make in makers.items():
        t0 = time.perf_counter()
        try:
            runs[name] = make()
        except (ImportError, RuntimeError) as exc:
            print(f"{name}: skipped ({exc})", file=sys.stderr)
            continue
        loads[name] = time.perf_counter() - t0
        runs[name]("warm up")

    names = list(runs)
    latency: dict[str, list[float]] = {n: [] for n in names}
    cosines: dict[str, list[float]] = {n: [] for n in names}
    for round_ in range(args.rounds):
        for i, text in enumerate(texts):
            for j in range(len(names)):
                name = names[(i + j) % len(names)]
                t0 = time.perf_counter()
                vector = runs[name](text)
                latency[name].append(time.perf_counter() - t0)
                if round_ == 0 and name.startswith("mpnet"):
                    reference = mpnet_reference.setdefault(text, runs["mpnet-ort"](text))
                    cosines[name].append(float(vector @ reference))
                elif round_ == 0:
                    cosines[name].append(float(vector @ before[i]))
    load = os.getloadavg()
    print(
        f"{len(texts)} texts x {args.rounds} rounds, interleaved; load average "
        f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f} at the end; {os.cpu_count()} cpus"
    )
    print(
        f"{'candidate':<20} {'load_s':>7} {'p50_ms':>7} {'p95_ms':>7} "
        f"{'min_cos':>9} {'mean_cos':>9}"
    )
    for name in names:
        ms = np.asarray(latency[name]) * 1000
        cos = np.asarray(cosines[name])
        print(
            f"{name:<20} {loads[name]:>7.2f} {np.percentile(ms, 50):>7.2f} "
            f"{np.percentile(ms, 95):>7.2f} {cos.min():>9.6f} {cos.mean():>9.6f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
