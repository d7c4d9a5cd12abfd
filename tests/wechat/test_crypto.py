"""Safe-mode crypto against WeChat's official 加解密 sample vectors and against an independent step-by-step
construction with the `cryptography` primitives (its own PKCS7 padder at 256 bits = WeChat's 32-byte blocks)."""
import base64
import struct

import pytest
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from bot.wechat.crypto import (WeChatCrypto, WeChatCryptoError, check_signature, decode_aes_key, pkcs7_pad,
                               pkcs7_unpad, signature)
from tests.wechat import wx


def raw_key():
    return base64.b64decode(wx.AES_KEY + "=")


def independent_encrypt(message: bytes, prefix: bytes, appid: bytes) -> str:
    key = raw_key()
    plain = prefix + struct.pack(">I", len(message)) + message + appid
    padder = padding.PKCS7(256).padder()
    padded = padder.update(plain) + padder.finalize()
    enc = Cipher(algorithms.AES(key), modes.CBC(key[:16])).encryptor()
    return base64.b64encode(enc.update(padded) + enc.finalize()).decode()


def independent_decrypt(b64: str) -> bytes:
    key = raw_key()
    dec = Cipher(algorithms.AES(key), modes.CBC(key[:16])).decryptor()
    padded = dec.update(base64.b64decode(b64)) + dec.finalize()
    unpadder = padding.PKCS7(256).unpadder()
    return unpadder.update(padded) + unpadder.finalize()


def test_official_sample_message_signature_and_plaintext():
    c = wx.crypto()
    assert signature(wx.TOKEN, wx.OFFICIAL_TIMESTAMP, wx.OFFICIAL_NONCE, wx.OFFICIAL_ENCRYPT) == wx.OFFICIAL_MSG_SIGNATURE
    assert c.decrypt_message(wx.OFFICIAL_MSG_SIGNATURE, wx.OFFICIAL_TIMESTAMP, wx.OFFICIAL_NONCE,
                             wx.OFFICIAL_ENCRYPT) == wx.OFFICIAL_PLAINTEXT


def test_official_sample_verify_echostr():
    sig, ts, nonce, echostr, plain = wx.OFFICIAL_VERIFY
    assert wx.crypto().decrypt_message(sig, ts, nonce, echostr) == plain


def test_reencrypting_the_official_plaintext_with_its_random_prefix_gives_the_official_ciphertext():
    prefix = independent_decrypt(wx.OFFICIAL_ENCRYPT)[:16]
    assert wx.crypto().encrypt(wx.OFFICIAL_PLAINTEXT, random_prefix=prefix) == wx.OFFICIAL_ENCRYPT


def test_matches_an_independent_construction_both_ways():
    prefix = bytes(range(16))
    msg = "<xml><Content><![CDATA[测试一下中文的情况，消息长度是按字节来算的]]></Content></xml>"
    ours = wx.crypto().encrypt(msg, random_prefix=prefix)
    theirs = independent_encrypt(msg.encode(), prefix, wx.APPID.encode())
    assert ours == theirs
    assert wx.crypto().decrypt(independent_encrypt(msg.encode(), b"\x07" * 16, wx.APPID.encode())) == msg
    plain = independent_decrypt(ours)
    assert plain[:16] == prefix and plain[20:20 + struct.unpack(">I", plain[16:20])[0]] == msg.encode()
    assert plain.endswith(wx.APPID.encode())


@pytest.mark.parametrize("length", [0, 1, 11, 12, 13, 31, 32, 33, 100])
def test_padding_is_to_32_byte_blocks(length):
    data = b"x" * length
    padded = pkcs7_pad(data)
    assert len(padded) % 32 == 0 and 1 <= len(padded) - length <= 32
    assert pkcs7_unpad(padded) == data
    unpadder = padding.PKCS7(256).unpadder()
    assert unpadder.update(padded) + unpadder.finalize() == data


@pytest.mark.parametrize("bad", [b"", b"x" * 31 + b"\x00", b"x" * 31 + b"\x21", b"x" * 30 + b"\x01\x02"])
def test_bad_padding_is_rejected(bad):
    with pytest.raises(WeChatCryptoError):
        pkcs7_unpad(bad)


def test_reply_envelope_round_trip():
    c = wx.crypto()
    xml = "<xml><Content><![CDATA[回复]]></Content></xml>"
    env = wx.parse_reply(c.encrypt_reply(xml, timestamp="1409659813", nonce="1372623149"))
    assert env["TimeStamp"] == "1409659813" and env["Nonce"] == "1372623149"
    assert env["MsgSignature"] == signature(wx.TOKEN, "1409659813", "1372623149", env["Encrypt"])
    assert c.decrypt_message(env["MsgSignature"], env["TimeStamp"], env["Nonce"], env["Encrypt"]) == xml
    # every reply uses a fresh random prefix
    assert c.encrypt(xml) != c.encrypt(xml)


def test_rejections():
    c = wx.crypto()
    with pytest.raises(WeChatCryptoError):  # signature over other data
        c.decrypt_message("0" * 40, wx.OFFICIAL_TIMESTAMP, wx.OFFICIAL_NONCE, wx.OFFICIAL_ENCRYPT)
    with pytest.raises(WeChatCryptoError):  # another 公众号's appid
        WeChatCrypto(wx.TOKEN, wx.AES_KEY, "wx0000000000000000").decrypt(wx.OFFICIAL_ENCRYPT)
    tampered = bytearray(base64.b64decode(wx.OFFICIAL_ENCRYPT))
    tampered[-1] ^= 1
    with pytest.raises(WeChatCryptoError):
        c.decrypt(base64.b64encode(bytes(tampered)).decode())
    for junk in ("", "not base64", "QUJD", base64.b64encode(b"x" * 15).decode()):
        with pytest.raises(WeChatCryptoError):
            c.decrypt(junk)
    for key in ("", "short", wx.AES_KEY + "A", "!" * 43):
        with pytest.raises(WeChatCryptoError):
            decode_aes_key(key)
    assert len(decode_aes_key(wx.AES_KEY)) == 32


def test_check_signature():
    sig = signature("tok", "123", "456")
    assert check_signature("tok", sig, "123", "456")
    assert check_signature("tok", sig.upper(), "123", "456")
    assert not check_signature("tok", sig, "123", "457")
    assert not check_signature("other", sig, "123", "456")
    assert not check_signature("tok", None, "123", "456")
    assert not check_signature("tok", "", "123", "456")
    assert not check_signature("tok", "签名", "123", "456")
    # order of the inputs does not matter (they are sorted)
    assert signature("b", "a", "c") == signature("c", "b", "a")
