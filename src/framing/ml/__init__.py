"""Machine learning with scikit-learn: framing features, bias classifiers, frame discovery.

:class:`FramingFeatures` turns texts into the framing figures as a scikit-learn
transformer; :func:`bias_classifier` puts it beside TF-IDF in a pipeline whose top
features stay readable (:func:`top_features`); :func:`discover_frames` finds recurring
frames with NMF.
"""

from __future__ import annotations

from framing.ml.classify import bias_classifier, top_features
from framing.ml.features import FramingFeatures
from framing.ml.frames import FrameModel, discover_frames, plot_frame_mix

__all__ = [
    "FrameModel",
    "FramingFeatures",
    "bias_classifier",
    "discover_frames",
    "plot_frame_mix",
    "top_features",
]
