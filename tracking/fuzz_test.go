package tracking_test

import (
	"strings"
	"testing"

	"github.com/heraldhq/herald/tracking"
)

// FuzzRewrite: without tracking Rewrite copies any input byte for byte;
// with it, every link it reports is trackable and every reported link was
// replaced.
func FuzzRewrite(f *testing.F) {
	for _, seed := range []string{
		`<p><a href="https://example.com/a?x=1&amp;y=2">a</a></p>`,
		`<html><body><A HREF='http://example.com'>x</A></body></html>`,
		`<a href="javascript:alert(1)">x</a><a href=https://e.com/b>b</a>`,
		`<a href="https://e.com/a" href="https://e.com/b">two</a><!-- <a href="https://e.com/c"> -->`,
		"<a href=\"https://e.com/\x00\">nul</a><script>document.write('<a href=\"https://e.com/d\">')</script>",
		`<p>unclosed <a href="https://e.com/e`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if out, links := tracking.Rewrite(src, nil, ""); out != src || len(links) != 0 {
			t.Fatalf("Rewrite without tracking changed %q into %q (links %v)", src, out, links)
		}
		out, links := tracking.Rewrite(src, func(l string) string { return "https://herald.example/t/c/x" }, "<img>")
		if !strings.HasSuffix(out, "<img>") && !strings.Contains(out, "<img></body>") && !strings.Contains(strings.ToLower(out), "<img></") {
			t.Fatalf("no pixel in %q", out)
		}
		for _, l := range links {
			if !tracking.Trackable(l) {
				t.Fatalf("reported untrackable link %q", l)
			}
		}
		if len(links) > 0 && !strings.Contains(out, "https://herald.example/t/c/x") {
			t.Fatalf("links %v reported but none replaced in %q", links, out)
		}
	})
}
