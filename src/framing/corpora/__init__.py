"""Readers for annotated research corpora, for evaluating framing on gold annotations.

- :mod:`framing.corpora.polnear`: BRAT standoff attribution annotations as in PolNeAR
  (Newell, Margolin & Ruths 2018), also usable for your own BRAT annotations.
"""

from __future__ import annotations

from framing.corpora.polnear import read_brat_attributions, read_polnear

__all__ = ["read_brat_attributions", "read_polnear"]
