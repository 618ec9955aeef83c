"""Build the question encoder's ONNX graph from our shipped weights (run once, by hand).

    pip install onnx  # build time only; the worker needs onnxruntime, not onnx
    python scripts/export_query_encoder_onnx.py [--mode float|int8] [--out PATH]

Reads bot/search/model/minilm.npz (all-MiniLM-L6-v2 as `scripts/export_query_encoder.py`
stored it: int8 matrices, a float32 scale per output row) and writes the six transformer
layers as one ONNX graph, bot/search/model/minilm.onnx, that `bot.search.encoder` runs with
onnxruntime. The word, position and token-type embeddings stay in NumPy (a question reads a
few dozen rows); the graph takes their sum, (tokens, 384) float32, and returns the unit mean
of every token's output, (384,) float32: what `QueryEncoder.encode_full` returns.

The int8 matrices go in as they are stored, so the file is about as small as the weights:

- `--mode float` (the default, what ships): DequantizeLinear then MatMul. With the session
  option `session.disable_quant_qdq` (set by `bot.search.encoder`), onnxruntime folds the
  dequantisation into float32 constants when it loads the graph, so it computes what the NumPy
  encoder computes; without it, onnxruntime makes each pair a MatMulNBits that multiplies in
  int8 (faster, further from the model: `scripts/bench_query_encoder.py` compares both);
- `--mode int8`: each linear layer is onnxruntime's DynamicQuantizeMatMul (a com.microsoft
  operator): the activations quantised to uint8 per call, one scale for all of them, times
  the int8 weights with the stored per-row scales. Measured only: too far from the model.

Query, key and value are one matrix multiplication (1152 columns) split in three. GELU is the
tanh form, as the NumPy encoder has it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

MODEL = Path(__file__).resolve().parent.parent / "bot" / "search" / "model"
LAYERS, HEADS, WIDTH = 6, 12, 384
OPSET = 20  # Gelu(approximate="tanh") and LayerNormalization


def build(weights: dict[str, np.ndarray], mode: str) -> object:
    """The ONNX model of the six layers and the pooling (see module docstring)."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    nodes: list[onnx.NodeProto] = []
    inits: list[onnx.TensorProto] = []

    def const(name: str, value: np.ndarray) -> str:
        inits.append(numpy_helper.from_array(value, name))
        return name

    def node(op: str, inputs: list[str], output: str, domain: str = "", **attrs: object) -> str:
        nodes.append(helper.make_node(op, inputs, [output], name=output, domain=domain, **attrs))
        return output

    def layer_norm(x: str, prefix: str, out: str) -> str:
        return node(
            "LayerNormalization",
            [
                x,
                const(out + ".w", weights[prefix + ".weight"].astype(np.float32)),
                const(out + ".b", weights[prefix + ".bias"].astype(np.float32)),
            ],
            out,
            axis=-1,
            epsilon=1e-12,
        )

    def linear(x: str, prefixes: list[str], out: str) -> str:
        # Stored (out, in) int8 with a scale per output row; ONNX multiplies x @ (in, out).
        q = np.concatenate([weights[p + ".weight.q"] for p in prefixes]).T.copy()
        s = np.concatenate([weights[p + ".weight.s"] for p in prefixes]).astype(np.float32)
        bias = np.concatenate([weights[p + ".bias"] for p in prefixes]).astype(np.float32)
        zero = np.zeros(q.shape[1], dtype=np.int8)
        if mode == "int8":
            return node(
                "DynamicQuantizeMatMul",
                [
                    x,
                    const(out + ".q", q),
                    const(out + ".s", s),
                    const(out + ".z", zero),
                    const(out + ".bias", bias),
                ],
                out,
                domain="com.microsoft",
            )
        w = node(
            "DequantizeLinear",
            [const(out + ".q", q), const(out + ".s", s), const(out + ".z", zero)],
            out + ".w",
            axis=1,
        )
        product = node("MatMul", [x, w], out + ".mm")
        return node("Add", [product, const(out + ".bias", bias)], out)

    head = WIDTH // HEADS
    x = layer_norm("embeddings", "embeddings.LayerNorm", "emb")
    const("shape_heads", np.array([-1, HEADS, head], dtype=np.int64))
    const("shape_flat", np.array([-1, WIDTH], dtype=np.int64))
    const("split_qkv", np.array([WIDTH, WIDTH, WIDTH], dtype=np.int64))
    const("inv_sqrt_head", np.array(1.0 / np.sqrt(head), dtype=np.float32))
    for layer in range(LAYERS):
        p = f"encoder.layer.{layer}."
        n = f"l{layer}."
        qkv = linear(
            x,
            [p + "attention.self.query", p + "attention.self.key", p + "attention.self.value"],
            n + "qkv",
        )
        nodes.append(
            helper.make_node(
                "Split", [qkv, "split_qkv"], [n + "q", n + "k", n + "v"], axis=-1, name=n + "split"
            )
        )
        heads = {}
        for part, perm in (("q", [1, 0, 2]), ("k", [1, 2, 0]), ("v", [1, 0, 2])):
            shaped = node("Reshape", [n + part, "shape_heads"], n + part + ".h")
            heads[part] = node("Transpose", [shaped], n + part + ".t", perm=perm)
        scores = node("MatMul", [heads["q"], heads["k"]], n + "scores")
        scaled = node("Mul", [scores, "inv_sqrt_head"], n + "scaled")
        attn = node("Softmax", [scaled], n + "attn", axis=-1)
        context = node("MatMul", [attn, heads["v"]], n + "ctx")
        context = node("Transpose", [context], n + "ctx.t", perm=[1, 0, 2])
        context = node("Reshape", [context, "shape_flat"], n + "ctx.flat")
        out = linear(context, [p + "attention.output.dense"], n + "attn_out")
        x = layer_norm(
            node("Add", [out, x], n + "res1"), p + "attention.output.LayerNorm", n + "ln1"
        )
        hidden = linear(x, [p + "intermediate.dense"], n + "inter")
        hidden = node("Gelu", [hidden], n + "gelu", approximate="tanh")
        out = linear(hidden, [p + "output.dense"], n + "ffn_out")
        x = layer_norm(node("Add", [out, x], n + "res2"), p + "output.LayerNorm", n + "ln2")
    pooled = node("ReduceMean", [x, const("axis0", np.array([0], dtype=np.int64))], "pooled")
    pooled = node("Reshape", [pooled, const("shape_vec", np.array([WIDTH], dtype=np.int64))], "vec")
    node("LpNormalization", [pooled], "embedding", axis=-1, p=2)
    graph = helper.make_graph(
        nodes,
        "minilm_question_encoder",
        [helper.make_tensor_value_info("embeddings", TensorProto.FLOAT, ["tokens", WIDTH])],
        [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, [WIDTH])],
        inits,
    )
    opsets = [helper.make_opsetid("", OPSET)]
    if mode == "int8":
        opsets.append(helper.make_opsetid("com.microsoft", 1))
    model = helper.make_model(graph, opset_imports=opsets, producer_name="whosaid")
    model.ir_version = 9  # readable by onnxruntime releases of the last two years
    onnx.checker.check_model(model)
    return model


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mode", choices=("float", "int8"), default="float")
    parser.add_argument("--out", type=Path, default=MODEL / "minilm.onnx")
    args = parser.parse_args()
    import onnx

    stored = np.load(MODEL / "minilm.npz")
    weights = {name: stored[name] for name in stored.files}
    onnx.save(build(weights, args.mode), str(args.out))  # type: ignore[arg-type]
    print(f"{args.out}: {args.out.stat().st_size / 2**20:.1f} MB ({args.mode})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
