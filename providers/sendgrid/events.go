package sendgrid

import (
	"crypto/ecdsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
)

// Headers of SendGrid's signed Event Webhook.
const (
	SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature"
	TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp"
)

// Errors of VerifyEvents.
var (
	ErrNoPublicKey  = errors.New("sendgrid: no webhook public key is configured")
	ErrBadSignature = errors.New("sendgrid: bad event webhook signature")
)

// ParsePublicKey parses an Event Webhook verification key: an ECDSA P-256
// public key as base64 DER (SubjectPublicKeyInfo, what SendGrid's settings
// page shows) or PEM.
func ParsePublicKey(s string) (*ecdsa.PublicKey, error) {
	s = strings.TrimSpace(s)
	var der []byte
	if block, _ := pem.Decode([]byte(s)); block != nil {
		der = block.Bytes
	} else {
		var err error
		if der, err = base64.StdEncoding.DecodeString(s); err != nil {
			return nil, errors.New("not base64 or PEM")
		}
	}
	key, err := x509.ParsePKIXPublicKey(der)
	if err != nil {
		return nil, errors.New("not a public key (SubjectPublicKeyInfo)")
	}
	ec, ok := key.(*ecdsa.PublicKey)
	if !ok {
		return nil, errors.New("not an ECDSA key")
	}
	return ec, nil
}

// VerifySignature checks SendGrid's signature of an event post: the
// base64 ASN.1 ECDSA signature of SHA-256(timestamp + body) under key.
func VerifySignature(key *ecdsa.PublicKey, body []byte, signature, timestamp string) error {
	sig, err := base64.StdEncoding.DecodeString(signature)
	if err != nil || timestamp == "" {
		return ErrBadSignature
	}
	h := sha256.New()
	h.Write([]byte(timestamp))
	h.Write(body)
	if !ecdsa.VerifyASN1(key, h.Sum(nil), sig) {
		return ErrBadSignature
	}
	return nil
}

// VerifyEvents checks an event post against the provider's webhook key.
func (p *Provider) VerifyEvents(body []byte, signature, timestamp string) error {
	if p.webhookKey == nil {
		return ErrNoPublicKey
	}
	return VerifySignature(p.webhookKey, body, signature, timestamp)
}

// Event is one event of an Event Webhook post (the fields Herald uses).
type Event struct {
	Event     string `json:"event"`
	Email     string `json:"email"`
	Timestamp int64  `json:"timestamp"`
	// SGEventID identifies the event; SendGrid may post it more than once.
	SGEventID   string `json:"sg_event_id"`
	SGMessageID string `json:"sg_message_id"`
	// DeliveryID is Herald's custom argument, echoed in every event.
	DeliveryID string `json:"herald_delivery_id"`
	// Type tells a bounce ("bounce") from a block ("blocked").
	Type   string `json:"type"`
	Reason string `json:"reason"`
	Status string `json:"status"`
	// BounceClassification is SendGrid's category of a bounce ("Invalid
	// Address", "Mailbox Unavailable", "Reputation", ...).
	BounceClassification string `json:"bounce_classification"`
	// URL is the link of a click event.
	URL string `json:"url"`
}

// ParseEvents parses an event post's body (a JSON array).
func ParseEvents(body []byte) ([]Event, error) {
	var events []Event
	if err := json.Unmarshal(body, &events); err != nil {
		return nil, fmt.Errorf("sendgrid: event webhook body: %w", err)
	}
	return events, nil
}

// HardBounce reports whether a bounce event says the address itself is
// bad: a "bounce" (not a "blocked", which is temporary or about the
// sender's reputation) or a drop because SendGrid already knows the
// address bounces.
func (e Event) HardBounce() bool {
	switch e.Event {
	case "bounce":
		return e.Type != "blocked"
	case "dropped":
		return strings.Contains(strings.ToLower(e.Reason), "bounced address") || strings.Contains(strings.ToLower(e.Reason), "invalid")
	}
	return false
}

// Complaint reports whether the event is a spam complaint, or a drop
// because the address complained before.
func (e Event) Complaint() bool {
	return e.Event == "spamreport" || (e.Event == "dropped" && strings.Contains(strings.ToLower(e.Reason), "spam reporting"))
}
