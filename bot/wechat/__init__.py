"""WeChat Official Account (微信公众号) input channel: `bot.wechat.WeChatInput`, name "wechat".

Serves  /webhooks/wechat/webhook  (GET: URL verification, POST: messages and events) and speaks WeChat's server
protocol (see docs/wechat.md for connecting a real 公众号):

* every request is signed: sha1 of the sorted [token, timestamp, nonce]; a bad or missing signature or a timestamp
  further than WECHAT_MAX_TIMESTAMP_SKEW seconds from now → 403. Safe mode (encrypt_type=aes) also checks
  msg_signature over the Encrypt element, decrypts (bot/wechat/crypto.py) and encrypts the reply. When
  WECHAT_AES_KEY is set, every message POST must be in safe mode (encrypt_type=aes + msg_signature), else 403: a
  plaintext POST would let anyone who saw one signed URL bypass the message signature (downgrade).
* a signed (timestamp, nonce) is remembered for the skew window: the same pair again with the same message is a
  WeChat retry (answered by the de-duplication below), with a different message a replay (403). The `openid` WeChat
  adds to the query must equal the message's FromUserName (403).
* `rasa run` on an interface other hosts can reach refuses to start with the development token (bot/exposure.py).
* the XML body is parsed without DTDs or entities (any <!DOCTYPE / <!ENTITY → 400), at most WECHAT body limit
  (64 KB → 413); malformed XML or missing fields → 400. Unexpected errors answer "success", never a 500.
* WeChat waits 5 s for the passive reply and retries the same message up to three times. Each message is processed
  once (keyed by MsgId, events by FromUserName + CreateTime + Event); a retry waits for the first processing. If the
  answer is not ready within WECHAT_REPLY_TIMEOUT (default 4 s) the reply is "success" and the answer goes out through
  the customer-service message API (客服消息, `WeChatAPI`), whose access_token is cached and refreshed centrally.
* text over WeChat's 2048-byte limit is split at sentence ends; the first part is the passive reply, the rest goes
  through the customer-service API, or, if that fails, is kept per user and sent on "继续".
* Rasa buttons become numbered text ("回复数字：1 要带啥材料 …"); a reply of just "1"/"2" sends that button's payload.

The conversation id (sender_id) is "wx:<openid>"; logs show OpenIDs masked (first 4 characters + ***).

State kept in this process: the de-duplication table, each user's last button menu and undelivered remainders.
With several Rasa processes, route each user to one process (e.g. nginx `hash $arg_openid`); see docs/wechat.md.

Modules: `settings` (WeChatSettings from WECHAT_* / credentials.yml), `crypto` (signatures, safe-mode AES), `xml`
(hardened parsing, reply XML), `text` (the channel's words, splitting, numbered buttons), `message` (one incoming
message and its answer), `api` (customer-service API client, access_token cache), `store` (TTLStore, the per-process
state), `channel` (WeChatInput: request checks, replayed signatures, de-duplication, delivery) and `replies` (what to
answer a message, mixed into WeChatInput).
"""
from .channel import WeChatInput

__all__ = ["WeChatInput"]
