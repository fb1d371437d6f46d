// Package webhook delivers notifications as signed JSON POSTs to a URL the
// recipient registered.
//
// Each request carries "Idempotency-Key: <delivery id>", so a receiver can
// drop the repeats that at-least-once delivery implies, and
// "Herald-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>", the HMAC of
// "<t>.<body>" under the tenant's signing secret; Verify checks it and
// refuses old timestamps, which stops replays.
package webhook

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/heraldhq/herald/providers"
	"github.com/heraldhq/herald/providers/safehttp"
)

// Header names.
const (
	SignatureHeader   = "Herald-Signature"
	IdempotencyHeader = "Idempotency-Key"
)

// DefaultTolerance is how old a signature Verify accepts by default.
const DefaultTolerance = 5 * time.Minute

// Payload is the JSON body of a webhook delivery.
type Payload struct {
	// ID is the delivery id, also sent as the Idempotency-Key header.
	ID             string          `json:"id"`
	NotificationID string          `json:"notificationId"`
	MessageType    string          `json:"messageType"`
	RecipientID    string          `json:"recipientId"`
	CreateTime     time.Time       `json:"createTime"`
	Data           json.RawMessage `json:"data,omitempty"`
	// Body is the rendered webhook template, if the message type has one.
	Body string `json:"body,omitempty"`
	// ReceiptURL is where the receiver may confirm the outcome (see
	// Receipt), when Herald has a public URL.
	ReceiptURL string `json:"receiptUrl,omitempty"`
}

// Receipt is the body a receiver POSTs to a payload's receiptUrl, signed
// like Herald's own webhooks (Herald-Signature: HMAC-SHA256 of
// "<t>.<body>" under the tenant's signing secret; Sign makes it), to say
// what became of the delivery: "delivered", or "bounced" when it could
// not be delivered onwards.
type Receipt struct {
	DeliveryID string `json:"deliveryId"`
	Status     string `json:"status"`
	// Reason is a short word or phrase for a bounce.
	Reason string `json:"reason,omitempty"`
	// ID, if set, identifies the receipt: a repeat is applied once.
	ID string `json:"id,omitempty"`
}

// Receipt statuses.
const (
	ReceiptDelivered = "delivered"
	ReceiptBounced   = "bounced"
)

// Provider posts to webhook URLs.
type Provider struct {
	client     *http.Client
	now        func() time.Time
	receiptURL string
}

// Options configure New. The zero value refuses private addresses.
type Options struct {
	// AllowPrivate lets webhooks reach loopback and private addresses.
	AllowPrivate bool
	// Timeout bounds one call. Default 10s.
	Timeout time.Duration
	// ReceiptURL, if set, is put in every payload (receiptUrl) for the
	// receiver's optional receipt.
	ReceiptURL string
}

// New returns a webhook provider.
func New(opts *Options) *Provider {
	if opts == nil {
		opts = &Options{}
	}
	return &Provider{
		client:     safehttp.NewClient(&safehttp.Options{AllowPrivate: opts.AllowPrivate, Timeout: opts.Timeout}),
		now:        time.Now,
		receiptURL: opts.ReceiptURL,
	}
}

// Name implements providers.Provider.
func (p *Provider) Name() string { return "webhook" }

// Send implements providers.Provider.
func (p *Provider) Send(ctx context.Context, m *providers.Message) (*providers.Result, error) {
	body, err := json.Marshal(Payload{
		ID: m.DeliveryID, NotificationID: m.NotificationID, MessageType: m.MessageType,
		RecipientID: m.RecipientID, CreateTime: m.CreateTime, Data: m.Data, Body: m.Body, ReceiptURL: p.receiptURL,
	})
	if err != nil {
		return nil, &providers.Error{Class: providers.Permanent, Err: err}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, m.To, bytes.NewReader(body))
	if err != nil {
		return nil, &providers.Error{Class: providers.Permanent, Err: fmt.Errorf("webhook url: %w", err)}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Herald-Webhook/1")
	req.Header.Set(IdempotencyHeader, m.DeliveryID)
	req.Header.Set(SignatureHeader, Sign(m.SigningSecret, p.now(), body))

	resp, err := p.client.Do(req)
	if err != nil {
		if errors.Is(err, safehttp.ErrForbiddenAddress) {
			return nil, &providers.Error{Class: providers.Permanent, Err: err}
		}
		return nil, &providers.Error{Class: providers.Transient, Err: err}
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // let the connection be reused
		return &providers.Result{StatusCode: resp.StatusCode}, nil
	}
	return nil, providers.ClassifyHTTP(resp)
}

// Sign returns the Herald-Signature header value for body sent at t.
func Sign(secret []byte, t time.Time, body []byte) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	return "t=" + ts + ",v1=" + mac(secret, ts, body)
}

func mac(secret []byte, ts string, body []byte) string {
	h := hmac.New(sha256.New, secret)
	h.Write([]byte(ts))
	h.Write([]byte("."))
	h.Write(body)
	return hex.EncodeToString(h.Sum(nil))
}

// Errors returned by Verify.
var (
	ErrBadSignature = errors.New("webhook: bad signature")
	ErrStale        = errors.New("webhook: signature timestamp outside tolerance")
)

// Verify checks a Herald-Signature header against body, accepting
// timestamps within tolerance of now (DefaultTolerance if zero).
func Verify(secret []byte, header string, body []byte, now time.Time, tolerance time.Duration) error {
	if tolerance == 0 {
		tolerance = DefaultTolerance
	}
	var ts string
	var sigs []string
	for _, part := range strings.Split(header, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			continue
		}
		switch k {
		case "t":
			ts = v
		case "v1":
			sigs = append(sigs, v)
		}
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || len(sigs) == 0 {
		return ErrBadSignature
	}
	if d := now.Sub(time.Unix(sec, 0)); d > tolerance || d < -tolerance {
		return ErrStale
	}
	want := mac(secret, ts, body)
	for _, s := range sigs {
		if hmac.Equal([]byte(s), []byte(want)) {
			return nil
		}
	}
	return ErrBadSignature
}
