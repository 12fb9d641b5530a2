"""Readers for annotated research corpora, for evaluating framing on gold annotations.

- :mod:`framing.datasets.polnear`: BRAT standoff attribution annotations as in PolNeAR
  (Newell, Margolin & Ruths 2018), also usable for your own BRAT annotations.
- :mod:`framing.datasets.ptc`: the Propaganda Techniques Corpus (Da San Martino et al.
  2019): articles and technique spans.
- :mod:`framing.datasets.babe`: BABE (Spinde et al. 2021): sentences with bias labels
  and biased words.
- :mod:`framing.datasets.basil`: BASIL (Fan et al. 2019): articles with phrase-level bias
  spans and the author's feeling toward each main entity.
"""

from __future__ import annotations

from framing.datasets.babe import read_babe
from framing.datasets.basil import read_basil
from framing.datasets.polnear import read_brat_attributions, read_polnear
from framing.datasets.ptc import read_ptc

__all__ = ["read_babe", "read_basil", "read_brat_attributions", "read_polnear", "read_ptc"]
