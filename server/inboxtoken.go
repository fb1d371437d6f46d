package server

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"connectrpc.com/connect"
	"github.com/google/uuid"

	"github.com/heraldhq/herald/store"
)

// Inbox tokens let a browser read one recipient's inbox. They are
// "hit_<payload>.<mac>": payload is base64url JSON naming tenant, recipient
// and expiry; mac is base64url HMAC-SHA256 of payload under a key derived
// from the tenant's signing secret. Nothing is stored: a token is valid
// until it expires.
const inboxTokenPrefix = "hit_"

type inboxClaims struct {
	Tenant    uuid.UUID `json:"t"`
	Recipient string    `json:"r"`
	Expires   int64     `json:"e"`
}

type inboxTokens struct {
	store *store.Store
	now   func() time.Time
}

func inboxKey(secret []byte) []byte {
	h := hmac.New(sha256.New, secret)
	h.Write([]byte("herald inbox token v1"))
	return h.Sum(nil)
}

func signInbox(secret, payload []byte) []byte {
	h := hmac.New(sha256.New, inboxKey(secret))
	h.Write(payload)
	return h.Sum(nil)
}

// MintInboxToken returns a token for the tenant's recipient valid until
// exp, as RecipientService.CreateInboxToken does (for herald dev's demo
// page, which has no API key at hand).
func MintInboxToken(tenant *store.Tenant, recipientID string, exp time.Time) (string, error) {
	payload, err := json.Marshal(inboxClaims{Tenant: tenant.ID, Recipient: recipientID, Expires: exp.Unix()})
	if err != nil {
		return "", err
	}
	enc := base64.RawURLEncoding
	return inboxTokenPrefix + enc.EncodeToString(payload) + "." + enc.EncodeToString(signInbox(tenant.SigningSecret, payload)), nil
}

var errBadInboxToken = connect.NewError(connect.CodeUnauthenticated, errors.New("invalid inbox token"))

// verify checks a token and returns the recipient it admits.
func (t *inboxTokens) verify(ctx context.Context, token string) (*principal, error) {
	body, ok := strings.CutPrefix(token, inboxTokenPrefix)
	if !ok {
		return nil, errBadInboxToken
	}
	p64, m64, ok := strings.Cut(body, ".")
	if !ok {
		return nil, errBadInboxToken
	}
	enc := base64.RawURLEncoding
	payload, err1 := enc.DecodeString(p64)
	mac, err2 := enc.DecodeString(m64)
	var c inboxClaims
	if err1 != nil || err2 != nil || json.Unmarshal(payload, &c) != nil {
		return nil, errBadInboxToken
	}
	tenant, err := t.store.GetTenant(ctx, c.Tenant)
	if errors.Is(err, store.ErrNotFound) {
		return nil, errBadInboxToken
	}
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	if !hmac.Equal(mac, signInbox(tenant.SigningSecret, payload)) {
		return nil, errBadInboxToken
	}
	now := time.Now
	if t.now != nil {
		now = t.now
	}
	if now().Unix() >= c.Expires {
		return nil, connect.NewError(connect.CodeUnauthenticated, errors.New("inbox token expired"))
	}
	return &principal{tenant: tenant, recipientID: c.Recipient, expires: time.Unix(c.Expires, 0)}, nil
}
