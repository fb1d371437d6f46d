package tracking_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/tracking"
)

func TestRewriteTracksLinksAndAddsThePixel(t *testing.T) {
	t.Parallel()
	src := `<html><body><p>Hi &amp; welcome, <a href="https://example.com/a?x=1&amp;y=2" class="btn">open</a>,
<A HREF="https://example.com/b">b</A>, <a href="mailto:ada@example.com">mail</a>, <a href="#top">top</a>,
<a href="https://example.com/a?x=1&amp;y=2">again</a><img src="https://cdn.example.com/logo.png?a=1&amp;b=2"></p></body></html>`
	out, links := tracking.Rewrite(src, func(l string) string { return "https://herald.example.com/t/c/x?u=" + url.QueryEscape(l) },
		tracking.Pixel("https://herald.example.com/t/o/x.gif"))
	require.Equal(t, []string{"https://example.com/a?x=1&y=2", "https://example.com/b"}, links, "unescaped, distinct, in order")
	require.Contains(t, out, `<a href="https://herald.example.com/t/c/x?u=https%3A%2F%2Fexample.com%2Fa%3Fx%3D1%26y%3D2" class="btn">`)
	require.Equal(t, 2, strings.Count(out, "https%3A%2F%2Fexample.com%2Fa"))
	require.Contains(t, out, `<a href="mailto:ada@example.com">`, "only http(s) links")
	require.Contains(t, out, `<a href="#top">`)
	require.Contains(t, out, `<img src="https://cdn.example.com/logo.png?a=1&amp;b=2">`, "other tags byte for byte")
	require.Contains(t, out, `Hi &amp; welcome`)
	require.True(t, strings.HasSuffix(out, `<img src="https://herald.example.com/t/o/x.gif" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0"></body></html>`))

	// No body: the pixel goes at the end; no click: links stay.
	out, links = tracking.Rewrite(`<p><a href="https://example.com">x</a></p>`, nil, "<img>")
	require.Equal(t, `<p><a href="https://example.com">x</a></p><img>`, out)
	require.Empty(t, links)
}

func TestSignedLinks(t *testing.T) {
	t.Parallel()
	key := tracking.Key([]byte("tenant secret"))
	other := tracking.Key([]byte("another tenant's secret"))
	const d = "0193a1b2-0000-7000-8000-000000000001"
	click := tracking.ClickURL("https://herald.example.com/", key, d, "https://example.com/a?x=1")
	u, err := url.Parse(click)
	require.NoError(t, err)
	require.Equal(t, "herald.example.com", u.Host)
	parts := strings.Split(strings.TrimPrefix(u.Path, tracking.ClickPath), "/")
	require.Equal(t, d, parts[0])
	require.Equal(t, "https://example.com/a?x=1", u.Query().Get("u"))
	require.True(t, tracking.ValidClick(key, d, "https://example.com/a?x=1", parts[1]))
	require.False(t, tracking.ValidClick(key, d, "https://evil.example/", parts[1]), "another target")
	require.False(t, tracking.ValidClick(key, "0193a1b2-0000-7000-8000-000000000002", "https://example.com/a?x=1", parts[1]), "another delivery")
	require.False(t, tracking.ValidClick(other, d, "https://example.com/a?x=1", parts[1]), "another tenant")

	open := tracking.OpenURL("https://herald.example.com", key, d)
	sig := strings.TrimSuffix(strings.Split(strings.TrimPrefix(open, "https://herald.example.com"+tracking.OpenPath), "/")[1], ".gif")
	require.True(t, tracking.ValidOpen(key, d, sig))
	require.False(t, tracking.ValidOpen(other, d, sig))
	require.False(t, tracking.ValidClick(key, d, "", sig), "an open signature is no click signature")

	require.True(t, tracking.Trackable("http://example.com/x"))
	for _, l := range []string{"javascript:alert(1)", "//example.com", "/relative", "mailto:a@b", "https://"} {
		require.False(t, tracking.Trackable(l), l)
	}
}
