// Package providers defines how Herald hands a rendered message to a
// delivery provider, and how providers report failure.
//
// Every provider classifies its failures as transient (retry with backoff),
// throttled (retry after the provider's Retry-After) or permanent (do not
// retry). Callers rely on that class, never on provider-specific errors.
package providers

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// Message is one delivery, rendered, addressed and ready to send.
type Message struct {
	// DeliveryID identifies the delivery. Providers send it as the
	// idempotency key wherever the API takes one.
	DeliveryID     string
	NotificationID string
	TenantID       string
	RecipientID    string
	MessageType    string
	Channel        string
	// To is the address: an email address, a phone number, a URL, a token.
	To      string
	Subject string
	Title   string
	Body    string
	HTML    string
	Link    string
	// Data is the notification's data as JSON (webhook payloads carry it).
	Data json.RawMessage
	// SigningSecret signs outbound payloads for the tenant (webhooks).
	SigningSecret []byte
	CreateTime    time.Time
}

// Result is what a provider reports for an accepted message.
type Result struct {
	// StatusCode is the provider's HTTP (or SMTP) response code.
	StatusCode int
	// MessageID is the provider's id for the message, if it returns one.
	MessageID string
}

// Provider sends messages on one channel.
type Provider interface {
	// Name identifies the provider in deliveries, events and metrics.
	Name() string
	// Send delivers m. A failure is an *Error, or is treated as transient.
	Send(ctx context.Context, m *Message) (*Result, error)
}

// Class says what to do after a failed send.
type Class int

// Failure classes.
const (
	// Transient failures (5xx, timeouts, connection errors) are retried with
	// exponential backoff and jitter.
	Transient Class = iota
	// Throttled failures (429) are retried after RetryAfter.
	Throttled
	// Permanent failures (invalid recipient, most 4xx) are not retried.
	Permanent
)

// String returns the class as the delivery reason that records it.
func (c Class) String() string {
	switch c {
	case Throttled:
		return "throttled"
	case Permanent:
		return "permanent"
	default:
		return "transient"
	}
}

// Error is a classified send failure.
type Error struct {
	Class Class
	// StatusCode is the provider's response code, 0 if none came back.
	StatusCode int
	// RetryAfter is how long the provider asked us to wait (Throttled).
	RetryAfter time.Duration
	Err        error
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %v", e.Class, e.Err) }
func (e *Error) Unwrap() error { return e.Err }

// Classify returns err as an *Error, treating unclassified errors as
// transient.
func Classify(err error) *Error {
	var pe *Error
	if errors.As(err, &pe) {
		return pe
	}
	return &Error{Class: Transient, Err: err}
}

// ClassifyHTTP classifies a non-2xx HTTP response the way most provider APIs
// mean it: 408 and 5xx are transient, 429 is throttled (honouring
// Retry-After), other statuses are permanent. It reads a little of the body
// for the error message.
func ClassifyHTTP(resp *http.Response) *Error {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	err := fmt.Errorf("HTTP %d: %s", resp.StatusCode, bytesTrim(body))
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		return &Error{Class: Throttled, StatusCode: resp.StatusCode, RetryAfter: RetryAfter(resp.Header, time.Now()), Err: err}
	case resp.StatusCode == http.StatusRequestTimeout || resp.StatusCode >= 500:
		return &Error{Class: Transient, StatusCode: resp.StatusCode, Err: err}
	default:
		return &Error{Class: Permanent, StatusCode: resp.StatusCode, Err: err}
	}
}

// RetryAfter parses a Retry-After header (seconds or an HTTP date). It
// returns 0 if the header is missing or unparseable.
func RetryAfter(h http.Header, now time.Time) time.Duration {
	v := h.Get("Retry-After")
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

func bytesTrim(b []byte) string {
	s := string(b)
	for len(s) > 0 && (s[len(s)-1] == '\n' || s[len(s)-1] == '\r' || s[len(s)-1] == ' ') {
		s = s[:len(s)-1]
	}
	return s
}

// Registry holds the providers of each channel, in the order they are tried.
type Registry struct {
	byChannel map[string][]Provider
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{byChannel: make(map[string][]Provider)}
}

// Add appends p to channel's providers (the first added is the primary).
func (r *Registry) Add(channel string, p Provider) {
	r.byChannel[channel] = append(r.byChannel[channel], p)
}

// For returns channel's providers, primary first.
func (r *Registry) For(channel string) []Provider {
	return r.byChannel[channel]
}
