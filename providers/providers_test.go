package providers_test

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/providers"
)

func TestClassifyHTTP(t *testing.T) {
	t.Parallel()
	resp := func(code int, h http.Header) *http.Response {
		if h == nil {
			h = http.Header{}
		}
		return &http.Response{StatusCode: code, Header: h, Body: io.NopCloser(strings.NewReader("nope"))}
	}
	require.Equal(t, providers.Transient, providers.ClassifyHTTP(resp(503, nil)).Class)
	require.Equal(t, providers.Transient, providers.ClassifyHTTP(resp(408, nil)).Class)
	require.Equal(t, providers.Permanent, providers.ClassifyHTTP(resp(400, nil)).Class)
	require.Equal(t, providers.Permanent, providers.ClassifyHTTP(resp(404, nil)).Class)
	th := providers.ClassifyHTTP(resp(429, http.Header{"Retry-After": {"7"}}))
	require.Equal(t, providers.Throttled, th.Class)
	require.Equal(t, 7*time.Second, th.RetryAfter)
	require.Contains(t, th.Error(), "HTTP 429: nope")

	require.Equal(t, providers.Transient, providers.Classify(errors.New("boom")).Class)
}

func TestRetryAfter(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	require.Equal(t, 30*time.Second, providers.RetryAfter(http.Header{"Retry-After": {"30"}}, now))
	date := now.Add(2 * time.Minute).Format(http.TimeFormat)
	require.Equal(t, 2*time.Minute, providers.RetryAfter(http.Header{"Retry-After": {date}}, now))
	require.Zero(t, providers.RetryAfter(http.Header{"Retry-After": {"soon"}}, now))
	require.Zero(t, providers.RetryAfter(http.Header{}, now))
}
