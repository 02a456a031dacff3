"""Writes vectors.tsv: aes256-gcm.v1 envelopes made by the `cryptography` package, independently of the Java code.

Each line: key string, plaintext, nonce (hex), ciphertext (the envelope's base64). The key is SHA-256 of the key
string's UTF-8 bytes; the ciphertext is base64(nonce || AES-GCM ciphertext || tag), no associated data.
Run: python3 generate.py > vectors.tsv
"""
import base64
import hashlib
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

CASES = [
    ("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "sk_live_51H8example"),
    ("dev-key", ""),
    ("clé secrète 🔑", "Résumé — 履歴書 📄"),
    ("k", "a\tb\\n" + "x" * 300),
]


def envelope(key: str, plaintext: str, nonce: bytes) -> str:
    aes = AESGCM(hashlib.sha256(key.encode("utf-8")).digest())
    return base64.b64encode(nonce + aes.encrypt(nonce, plaintext.encode("utf-8"), None)).decode("ascii")


def main() -> None:
    fixed = bytes(range(12))
    for key, plaintext in CASES:
        print("\t".join([key, plaintext.replace("\t", "\\t"), fixed.hex(), envelope(key, plaintext, fixed)]))
        nonce = os.urandom(12)
        print("\t".join([key, plaintext.replace("\t", "\\t"), nonce.hex(), envelope(key, plaintext, nonce)]))


if __name__ == "__main__":
    main()
