"""Read the weights of an ONNX file without onnx or onnxruntime: the NumPy fallback of the
mpnet question encoder (scripts/mpnet_encoder.py) takes its weights from the same graph
onnxruntime runs, so they would be stored once.

ONNX files are protocol buffers; only what the fallback needs is decoded: the graph's
initializers (name, shape, raw bytes of float32, int64 or uint8 tensors) and the MatMulNBits
nodes (which weight matrix each one is, and its K, N, bits and block size). Large tensors are
views into the mapped file, never copied while reading.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

# ONNX TensorProto data types read here.
_DTYPES = {1: np.float32, 2: np.uint8, 3: np.int8, 7: np.int64}


def _varint(data: memoryview, i: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, i
        shift += 7


def _fields(data: memoryview) -> list[tuple[int, int, Any]]:
    """(field number, wire type, value) of one message: an int, or a memoryview of bytes."""
    out: list[tuple[int, int, Any]] = []
    i, end = 0, len(data)
    while i < end:
        key, i = _varint(data, i)
        number, wire = key >> 3, key & 7
        value: Any
        if wire == 0:
            value, i = _varint(data, i)
        elif wire == 2:
            size, i = _varint(data, i)
            value, i = data[i : i + size], i + size
        elif wire == 5:
            value, i = data[i : i + 4], i + 4
        elif wire == 1:
            value, i = data[i : i + 8], i + 8
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        out.append((number, wire, value))
    return out


def _tensor(data: memoryview) -> tuple[str, np.ndarray]:
    dims: list[int] = []
    dtype, name, raw = 0, "", None
    for number, wire, value in _fields(data):
        if number == 1:
            if wire == 0:
                dims.append(value)
            else:  # packed
                j = 0
                while j < len(value):
                    d, j = _varint(value, j)
                    dims.append(d)
        elif number == 2:
            dtype = value
        elif number == 8:
            name = bytes(value).decode()
        elif number == 9:
            raw = value
    if dtype not in _DTYPES or raw is None:
        raise ValueError(f"initializer {name!r}: data type {dtype} or no raw data")
    return name, np.frombuffer(raw, dtype=_DTYPES[dtype]).reshape(dims)


def _node(data: memoryview) -> dict[str, Any]:
    node: dict[str, Any] = {"inputs": [], "attrs": {}}
    for number, _, value in _fields(data):
        if number == 1:
            node["inputs"].append(bytes(value).decode())
        elif number == 3:
            node["name"] = bytes(value).decode()
        elif number == 4:
            node["op"] = bytes(value).decode()
        elif number == 5:
            attr = dict((n, v) for n, _, v in _fields(value))
            if 3 in attr:  # an int attribute
                node["attrs"][bytes(attr[1]).decode()] = attr[3]
    return node


def read(path: Path) -> tuple[dict[str, np.ndarray], list[dict[str, Any]]]:
    """The initializers (name -> array, read-only views of the mapped file) and the nodes
    (name, op, inputs, int attributes) of the ONNX model at `path`."""
    data = memoryview(np.memmap(path, dtype=np.uint8, mode="r"))  # type: ignore[arg-type]
    graph = next(v for n, w, v in _fields(data) if n == 7 and w == 2)
    tensors: dict[str, np.ndarray] = {}
    nodes: list[dict[str, Any]] = []
    for number, _, value in _fields(graph):
        if number == 5:
            name, array = _tensor(value)
            tensors[name] = array
        elif number == 1:
            nodes.append(_node(value))
    return tensors, nodes


def dequantized_matmuls(
    tensors: dict[str, np.ndarray], nodes: list[dict[str, Any]]
) -> dict[str, np.ndarray]:
    """Each MatMulNBits node's weight matrix as float32 (K, N), by node name: 8-bit blocks,
    symmetric (zero point 128), one scale per block."""
    out = {}
    for node in nodes:
        if node.get("op") != "MatMulNBits":
            continue
        a = node["attrs"]
        if a.get("bits") != 8 or len(node["inputs"]) > 3:
            raise ValueError(f"{node.get('name')}: only symmetric 8-bit blocks are read")
        k, n, block = a["K"], a["N"], a["block_size"]
        codes = tensors[node["inputs"][1]].reshape(n, -1, block)
        scales = tensors[node["inputs"][2]].reshape(n, -1, 1)
        weight = (codes.astype(np.float32) - np.float32(128)) * scales
        out[node["name"]] = np.ascontiguousarray(weight.reshape(n, -1)[:, :k].T)
    return out
