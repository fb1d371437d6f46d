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
	"strings"
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
	To string
	// Platform is the push token's platform ("fcm" or "apns"); empty on
	// other channels.
	Platform string
	Subject  string
	Title    string
	Body     string
	HTML     string
	Link     string
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
	// Code is the provider's own error code, if it gave one
	// ("Unregistered", "21211", "UNREGISTERED", "5.1.1").
	Code string
	// RetryAfter is how long the provider asked us to wait (Throttled).
	RetryAfter time.Duration
	// BadAddress reports that the address itself is invalid or gone (an
	// unregistered push token, a phone number that cannot receive SMS):
	// no retry and no other provider can help, and push tokens are removed.
	BadAddress bool
	// Suppress reports that the address should get nothing more (a number
	// that is no valid mobile number): Herald puts it on the tenant's
	// suppression list. It implies BadAddress.
	Suppress bool
	// ProviderFault reports a permanent failure of the provider account
	// rather than of the message (credentials refused, account suspended):
	// the next provider of the channel may still succeed.
	ProviderFault bool
	Err           error
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

// Permanentf returns a permanent failure with a formatted message.
func Permanentf(format string, args ...any) *Error {
	return &Error{Class: Permanent, Err: fmt.Errorf(format, args...)}
}

// ConnectionError classifies an error from an HTTP client's Do: a refused
// destination is permanent, anything else (timeouts, resets, DNS) transient.
func ConnectionError(err error, refused error) *Error {
	if refused != nil && errors.Is(err, refused) {
		return &Error{Class: Permanent, Err: err}
	}
	return &Error{Class: Transient, Err: err}
}

// Drain reads what is left of a response body (up to 64 KiB) and closes
// it, so the connection goes back to the pool.
func Drain(body io.ReadCloser) {
	_, _ = io.Copy(io.Discard, io.LimitReader(body, 64<<10))
	_ = body.Close()
}

func bytesTrim(b []byte) string {
	s := string(b)
	for len(s) > 0 && (s[len(s)-1] == '\n' || s[len(s)-1] == '\r' || s[len(s)-1] == ' ') {
		s = s[:len(s)-1]
	}
	return s
}

// Platformed is implemented by push providers, which each serve one
// platform's tokens.
type Platformed interface {
	Platform() string
}

// Serves reports whether p can send to a target of platform (always true
// off the push channel, where platform is empty).
func Serves(p Provider, platform string) bool {
	pp, ok := p.(Platformed)
	return platform == "" || !ok || pp.Platform() == platform
}

// Rate is a send-rate limit: Count sends per Per.
type Rate struct {
	Count int
	Per   time.Duration
}

// Interval is the time one send uses up: Per / Count.
func (r Rate) Interval() time.Duration { return r.Per / time.Duration(r.Count) }

func (r Rate) String() string {
	switch r.Per {
	case time.Second:
		return fmt.Sprintf("%d/s", r.Count)
	case time.Minute:
		return fmt.Sprintf("%d/m", r.Count)
	case time.Hour:
		return fmt.Sprintf("%d/h", r.Count)
	}
	return fmt.Sprintf("%d/%s", r.Count, r.Per)
}

// ParseRate parses "100/s", "6000/m", "50000/h" or "5/10s". An empty string
// is no limit (a zero Rate).
func ParseRate(s string) (Rate, error) {
	if s == "" {
		return Rate{}, nil
	}
	n, per, ok := strings.Cut(s, "/")
	count, err := strconv.Atoi(n)
	if !ok || err != nil || count <= 0 {
		return Rate{}, fmt.Errorf("%q is not a rate like 100/s", s)
	}
	var d time.Duration
	switch per {
	case "s":
		d = time.Second
	case "m":
		d = time.Minute
	case "h":
		d = time.Hour
	default:
		if d, err = time.ParseDuration(per); err != nil || d <= 0 {
			return Rate{}, fmt.Errorf("%q is not a rate like 100/s", s)
		}
	}
	return Rate{Count: count, Per: d}, nil
}

// Registry holds each channel's providers in the order they are tried
// (primary first), the per-tenant orders that replace them, and each
// provider's send-rate limit.
type Registry struct {
	byChannel map[string][]Provider
	byTenant  map[string]map[string][]Provider
	limits    map[string]Rate
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{
		byChannel: make(map[string][]Provider),
		byTenant:  make(map[string]map[string][]Provider),
		limits:    make(map[string]Rate),
	}
}

// Add appends p to channel's providers (the first added is the primary).
func (r *Registry) Add(channel string, p Provider) {
	r.byChannel[channel] = append(r.byChannel[channel], p)
}

// SetTenant makes ps, in order, the providers of channel for the tenant
// named tenant.
func (r *Registry) SetTenant(tenant, channel string, ps []Provider) {
	if r.byTenant[tenant] == nil {
		r.byTenant[tenant] = make(map[string][]Provider)
	}
	r.byTenant[tenant][channel] = ps
}

// SetRateLimit limits the provider named name to rate, across every
// worker and process.
func (r *Registry) SetRateLimit(name string, rate Rate) {
	r.limits[name] = rate
}

// RateLimit returns the provider's send-rate limit, if it has one.
func (r *Registry) RateLimit(name string) (Rate, bool) {
	rate, ok := r.limits[name]
	return rate, ok && rate.Count > 0
}

// Named returns the provider named name among the registry's (a default
// or a tenant's), or nil.
func (r *Registry) Named(name string) Provider {
	for _, ps := range r.byChannel {
		for _, p := range ps {
			if p.Name() == name {
				return p
			}
		}
	}
	for _, chans := range r.byTenant {
		for _, ps := range chans {
			for _, p := range ps {
				if p.Name() == name {
					return p
				}
			}
		}
	}
	return nil
}

// For returns channel's default providers, primary first.
func (r *Registry) For(channel string) []Provider {
	return r.byChannel[channel]
}

// ForTenant returns the providers of channel for the tenant named tenant:
// its own order if it has one, the default otherwise.
func (r *Registry) ForTenant(tenant, channel string) []Provider {
	if ps, ok := r.byTenant[tenant][channel]; ok {
		return ps
	}
	return r.byChannel[channel]
}

// Secrets are credential values a provider holds. Redact hides them in text
// that may reach logs, events or the API, such as a response body quoted
// in an error.
type Secrets []string

// Redact returns text with every secret replaced by "[redacted]".
func (s Secrets) Redact(text string) string {
	for _, v := range s {
		if len(v) >= 4 {
			text = strings.ReplaceAll(text, v, "[redacted]")
		}
	}
	return text
}

// RedactError returns e with its message redacted.
func (s Secrets) RedactError(e *Error) *Error {
	if e == nil || e.Err == nil {
		return e
	}
	msg := e.Err.Error()
	if red := s.Redact(msg); red != msg {
		c := *e
		c.Err = errors.New(red)
		return &c
	}
	return e
}
