"""The whole pipeline works with the network switched off."""

from __future__ import annotations

import socket

import pytest

import framing
import framing.text


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise NetworkUsed(f"framing tried to use the network: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_read_analyze_and_report_offline(no_network, seed_path, tmp_path):
    with pytest.raises(NetworkUsed):  # the guard itself works
        socket.create_connection(("127.0.0.1", 9))
    article = framing.read_article(seed_path)
    result = framing.analyze(article)
    index = framing.write_report(result, tmp_path / "report")
    assert len(result.loaded_terms) > 0
    assert index.is_file()


def test_nltk_downloader_is_never_called(monkeypatch, seed_path):
    import nltk

    def forbidden(*args, **kwargs):
        raise AssertionError("nltk.download / nltk.data.load must not be called")

    monkeypatch.setattr(nltk, "download", forbidden)
    monkeypatch.setattr(nltk.data, "load", forbidden)
    framing.analyze(framing.read_article(seed_path).text + " Mr. Smith agreed.")
