// Package safehttp makes HTTP clients for calling URLs that tenants chose,
// which must not reach Herald's own network (SSRF).
//
// The check runs on the IP address actually dialed, for every connection,
// so it holds for DNS names that resolve to private addresses, for DNS
// rebinding between check and use, and for redirects. The address ranges
// come from code.dny.dev/ssrf, generated from IANA's special-purpose
// registries.
package safehttp

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"

	"code.dny.dev/ssrf"
)

// ErrForbiddenAddress is returned when a request would connect to a
// loopback, private, link-local or otherwise internal address.
var ErrForbiddenAddress = errors.New("safehttp: destination address not allowed")

// Options configure NewClient. The zero value is safe.
type Options struct {
	// AllowPrivate lets requests reach loopback and private addresses
	// (local development and tests). Default false.
	AllowPrivate bool
	// Timeout bounds each request, redirects included. Default 10s.
	Timeout time.Duration
	// MaxRedirects is how many redirects are followed. Default 3.
	MaxRedirects int
	// Allow lets through internal addresses in these prefixes (a relay
	// inside your network you trust). Default none.
	Allow []netip.Prefix
	// Resolver resolves host names. Default the system resolver.
	Resolver *net.Resolver
}

// NewClient returns an HTTP client that refuses internal destinations unless
// opts allow them. It never uses a proxy, since a proxy would dial for us.
func NewClient(opts *Options) *http.Client {
	if opts == nil {
		opts = &Options{}
	}
	timeout := opts.Timeout
	if timeout == 0 {
		timeout = 10 * time.Second
	}
	maxRedirects := opts.MaxRedirects
	if maxRedirects == 0 {
		maxRedirects = 3
	}
	dialer := &net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second, Resolver: opts.Resolver}
	if !opts.AllowPrivate {
		allow := opts.Allow
		dialer.ControlContext = func(_ context.Context, network, address string, _ syscall.RawConn) error {
			if ap, err := netip.ParseAddrPort(address); err == nil {
				for _, p := range allow {
					if p.Contains(ap.Addr().Unmap()) {
						return nil
					}
				}
			}
			return CheckAddress(address)
		}
	}
	transport := &http.Transport{
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          200,
		MaxIdleConnsPerHost:   32,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   5 * time.Second,
		ResponseHeaderTimeout: timeout,
	}
	return &http.Client{
		Transport: transport,
		Timeout:   timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return fmt.Errorf("safehttp: stopped after %d redirects", maxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("safehttp: redirect to %q scheme: %w", req.URL.Scheme, ErrForbiddenAddress)
			}
			return nil
		},
	}
}

// guardian refuses the IANA special-purpose ranges (loopback, private,
// link-local, CGNAT, documentation, ...) and everything outside IPv6 global
// unicast, on any port: webhook endpoints often use custom ports.
var guardian = ssrf.New(ssrf.WithAnyPort())

// CheckAddress returns ErrForbiddenAddress if host:port is an internal
// address. It expects an IP, as dialers pass it.
func CheckAddress(hostport string) error {
	ap, err := netip.ParseAddrPort(hostport)
	if err != nil {
		return fmt.Errorf("%w: %q is not an IP address and port", ErrForbiddenAddress, hostport)
	}
	if err := guardian.SafeAddrPort(ap); err != nil {
		return fmt.Errorf("%w: %v", ErrForbiddenAddress, err)
	}
	return nil
}
