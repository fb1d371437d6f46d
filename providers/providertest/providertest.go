// Package providertest runs loopback servers that speak the real wire APIs
// of the providers Herald sends through (SendGrid v3 Mail Send, Twilio
// Messages, FCM HTTP v1 with its OAuth2 token endpoint, APNs over HTTP/2
// with TLS, Slack incoming webhooks, and SMTP with STARTTLS and AUTH from
// github.com/emersion/go-smtp). Each server checks authentication and the
// request format the way the real API does, answers like it, can be
// scripted to fail, and records every call with its idempotency key, so
// tests can count what was accepted per key.
package providertest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"
)

// Reply is a scripted answer: an HTTP status (or SMTP reply code), extra
// headers and a body.
type Reply struct {
	Status int
	Header http.Header
	Body   string
}

// Script chooses the reply to the server's n-th call (0-based) for the
// idempotency key key. A nil reply means answer normally.
type Script func(n int, key string) *Reply

// Every fails every k-th call (the 1st, k+1-th, ...) with r.
func Every(k int, r Reply) Script {
	return func(n int, _ string) *Reply {
		if n%k == 0 {
			return &r
		}
		return nil
	}
}

// FirstPerKey fails the first call of each key with r.
func FirstPerKey(r Reply) Script {
	var mu sync.Mutex
	seen := map[string]bool{}
	return func(_ int, key string) *Reply {
		mu.Lock()
		defer mu.Unlock()
		if seen[key] {
			return nil
		}
		seen[key] = true
		return &r
	}
}

// Always fails every call with r.
func Always(r Reply) Script { return func(int, string) *Reply { return &r } }

// Call is one request a server received.
type Call struct {
	// Key is the idempotency key the request carried (the delivery id).
	Key string
	// To is the address: email, phone number, device token, webhook path.
	To string
	// Status is what the server answered.
	Status int
	At     time.Time
	// Fields holds what tests may check (subject, body, title, ...).
	Fields map[string]string
}

// Accepted reports whether the server accepted the call.
func (c Call) Accepted() bool { return c.Status >= 200 && c.Status < 300 || c.Status == 250 }

// recorder is what every server shares: the script and the calls.
type recorder struct {
	mu     sync.Mutex
	script Script
	n      int
	calls  []Call
}

// SetScript makes the server answer by s from now on (nil: always
// normally).
func (r *recorder) SetScript(s Script) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.script = s
}

// next returns the scripted reply of the next call, or nil.
func (r *recorder) next(key string) *Reply {
	r.mu.Lock()
	n, s := r.n, r.script
	r.n++
	r.mu.Unlock()
	if s == nil {
		return nil
	}
	return s(n, key)
}

func (r *recorder) record(c Call) {
	c.At = time.Now()
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, c)
}

// Calls returns every call so far, in arrival order.
func (r *recorder) Calls() []Call {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Call(nil), r.calls...)
}

// Accepted counts accepted calls by idempotency key.
func (r *recorder) Accepted() map[string]int {
	out := map[string]int{}
	for _, c := range r.Calls() {
		if c.Accepted() {
			out[c.Key]++
		}
	}
	return out
}

var (
	tlsOnce   sync.Once
	tlsServer *tls.Config
	tlsRoots  *x509.CertPool
)

// TLS returns a server configuration with a certificate for 127.0.0.1,
// ::1 and localhost, and the pool that trusts it. It is made once per
// process.
func TLS(t testing.TB) (*tls.Config, *x509.CertPool) {
	tlsOnce.Do(func() {
		key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			panic(err)
		}
		tmpl := &x509.Certificate{
			SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "herald providertest"},
			NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
			KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
			ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, BasicConstraintsValid: true, IsCA: true,
			IPAddresses: []net.IP{net.ParseIP("127.0.0.1"), net.ParseIP("::1")}, DNSNames: []string{"localhost"},
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
		if err != nil {
			panic(err)
		}
		cert, err := x509.ParseCertificate(der)
		if err != nil {
			panic(err)
		}
		tlsRoots = x509.NewCertPool()
		tlsRoots.AddCert(cert)
		tlsServer = &tls.Config{
			Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key, Leaf: cert}},
			MinVersion:   tls.VersionTLS12,
		}
	})
	return tlsServer.Clone(), tlsRoots
}

// ClientTLS returns a client configuration that trusts TLS's certificate.
func ClientTLS(t testing.TB) *tls.Config {
	_, roots := TLS(t)
	return &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12}
}

func writeReply(w http.ResponseWriter, r *Reply) int {
	for k, vs := range r.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	if w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "application/json")
	}
	w.WriteHeader(r.Status)
	_, _ = w.Write([]byte(r.Body))
	return r.Status
}
