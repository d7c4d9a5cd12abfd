"""WeChat Official Account (公众号) message signatures and safe-mode (安全模式) encryption.

Written from WeChat's published scheme (消息加解密技术方案), using only `cryptography`:

* URL/request signature: sha1 of the lexicographically sorted [token, timestamp, nonce] joined without separator.
* Message signature (safe mode): the same over [token, timestamp, nonce, Encrypt].
* AES-256-CBC, key = base64decode(EncodingAESKey + "="), IV = key[:16]; WeChat pads with PKCS#7 to a multiple of
  32 bytes (not the AES block size of 16), so the padding is done here, not by the cipher.
* Plaintext = 16 random bytes + 4-byte big-endian length of the message + message (UTF-8 XML) + appid.

Signatures are compared in constant time. Callers must check the message signature *before* decrypting, so that no
decryption error can be used as a padding oracle (`WeChatCrypto.decrypt_message` does both in that order).
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import secrets
import struct
import time
from typing import Optional

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

BLOCK = 32  # WeChat's PKCS#7 block size


class WeChatCryptoError(ValueError):
    """A signature, key, ciphertext or appid did not check out. The message never includes secrets."""


def signature(*parts: str) -> str:
    """sha1 hex of the sorted parts joined (WeChat's signature and msg_signature)."""
    return hashlib.sha1("".join(sorted(str(p) for p in parts)).encode("utf-8")).hexdigest()


def check_signature(token: str, sig: Optional[str], timestamp: Optional[str], nonce: Optional[str],
                    *extra: str) -> bool:
    """True when `sig` is the signature of token, timestamp, nonce (and extra, e.g. Encrypt). Constant time."""
    if not sig or timestamp is None or nonce is None:
        return False
    expected = signature(token, timestamp, nonce, *extra)
    return hmac.compare_digest(expected.encode("ascii"), sig.strip().lower().encode("utf-8", "replace"))


def decode_aes_key(encoding_aes_key: str) -> bytes:
    """EncodingAESKey (43 characters of base64) → the 32-byte AES key."""
    if not isinstance(encoding_aes_key, str) or len(encoding_aes_key) != 43:
        raise WeChatCryptoError("EncodingAESKey must be 43 characters")
    try:
        key = base64.b64decode(encoding_aes_key + "=", validate=True)
    except (binascii.Error, ValueError):
        raise WeChatCryptoError("EncodingAESKey is not valid base64") from None
    if len(key) != 32:
        raise WeChatCryptoError("EncodingAESKey does not decode to 32 bytes")
    return key


def pkcs7_pad(data: bytes, block: int = BLOCK) -> bytes:
    n = block - len(data) % block
    return data + bytes([n]) * n


def pkcs7_unpad(data: bytes, block: int = BLOCK) -> bytes:
    if not data:
        raise WeChatCryptoError("empty plaintext")
    n = data[-1]
    if n < 1 or n > block or n > len(data) or data[-n:] != bytes([n]) * n:
        raise WeChatCryptoError("bad padding")
    return data[:-n]


class WeChatCrypto:
    """Encrypts and decrypts safe-mode messages for one 公众号 (token, EncodingAESKey, appid)."""

    def __init__(self, token: str, encoding_aes_key: str, appid: str):
        if not token:
            raise WeChatCryptoError("token is empty")
        if not appid:
            raise WeChatCryptoError("appid is empty (needed to check decrypted messages)")
        self.token = token
        self.appid = appid
        self._key = decode_aes_key(encoding_aes_key)
        self._iv = self._key[:16]

    # -- raw encryption ------------------------------------------------------------------------------------------
    def encrypt(self, text: str, random_prefix: Optional[bytes] = None) -> str:
        """Encrypt a message (XML or echostr) → base64 `Encrypt` value. `random_prefix` (16 bytes) only for tests."""
        prefix = os.urandom(16) if random_prefix is None else random_prefix
        if len(prefix) != 16:
            raise WeChatCryptoError("random prefix must be 16 bytes")
        body = text.encode("utf-8")
        plain = prefix + struct.pack(">I", len(body)) + body + self.appid.encode("utf-8")
        enc = Cipher(algorithms.AES(self._key), modes.CBC(self._iv)).encryptor()
        return base64.b64encode(enc.update(pkcs7_pad(plain)) + enc.finalize()).decode("ascii")

    def decrypt(self, encrypted: str) -> str:
        """Decrypt a base64 `Encrypt` value → the message text; checks padding, length and appid."""
        try:
            data = base64.b64decode(encrypted, validate=True)
        except (binascii.Error, ValueError, TypeError):
            raise WeChatCryptoError("Encrypt is not valid base64") from None
        if not data or len(data) % 16:
            raise WeChatCryptoError("ciphertext length is not a multiple of the AES block size")
        dec = Cipher(algorithms.AES(self._key), modes.CBC(self._iv)).decryptor()
        plain = pkcs7_unpad(dec.update(data) + dec.finalize())
        if len(plain) < 20:
            raise WeChatCryptoError("plaintext too short")
        (length,) = struct.unpack(">I", plain[16:20])
        if 20 + length > len(plain):
            raise WeChatCryptoError("length field exceeds plaintext")
        msg, appid = plain[20:20 + length], plain[20 + length:]
        if not hmac.compare_digest(appid, self.appid.encode("utf-8")):
            raise WeChatCryptoError("appid in the message does not match WECHAT_APPID")
        try:
            return msg.decode("utf-8")
        except UnicodeDecodeError:
            raise WeChatCryptoError("message is not UTF-8") from None

    # -- signed messages -----------------------------------------------------------------------------------------
    def decrypt_message(self, msg_signature: Optional[str], timestamp: str, nonce: str, encrypted: str) -> str:
        """Check msg_signature over (token, timestamp, nonce, Encrypt), then decrypt."""
        if not check_signature(self.token, msg_signature, timestamp, nonce, encrypted):
            raise WeChatCryptoError("msg_signature does not match")
        return self.decrypt(encrypted)

    def encrypt_reply(self, xml: str, timestamp: Optional[str] = None, nonce: Optional[str] = None,
                      random_prefix: Optional[bytes] = None) -> str:
        """The passive-reply envelope: <xml><Encrypt/><MsgSignature/><TimeStamp/><Nonce/></xml>."""
        timestamp = str(int(time.time())) if timestamp is None else str(timestamp)
        nonce = str(secrets.randbelow(10**10)) if nonce is None else str(nonce)
        encrypted = self.encrypt(xml, random_prefix)
        sig = signature(self.token, timestamp, nonce, encrypted)
        return (f"<xml><Encrypt><![CDATA[{encrypted}]]></Encrypt>"
                f"<MsgSignature><![CDATA[{sig}]]></MsgSignature>"
                f"<TimeStamp>{timestamp}</TimeStamp>"
                f"<Nonce><![CDATA[{nonce}]]></Nonce></xml>")
