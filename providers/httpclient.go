package providers

import (
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

// HTTPOptions configure NewHTTPClient. The zero value is fine.
type HTTPOptions struct {
	// Timeout bounds one request, body included. Default 30s.
	Timeout time.Duration
	// TLS is the client TLS configuration. Default: system roots.
	TLS *tls.Config
}

// NewHTTPClient returns the client provider APIs are called with: bounded
// dial, handshake and request times, HTTP/2 when the server offers it, and
// a pool of kept-alive connections per host so that steady traffic does
// not pay a handshake per message.
func NewHTTPClient(opts *HTTPOptions) *http.Client {
	if opts == nil {
		opts = &HTTPOptions{}
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	transport := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		TLSClientConfig:       opts.TLS,
		MaxIdleConns:          256,
		MaxIdleConnsPerHost:   64,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
		ResponseHeaderTimeout: timeout,
	}
	return &http.Client{Transport: transport, Timeout: timeout}
}
