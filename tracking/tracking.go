// Package tracking makes and checks the links of email engagement
// tracking: an open pixel and click redirects through Herald, each signed
// for its delivery with a key derived from the tenant's signing secret, so
// that nobody can mint a redirect (no open redirect) or an open for a
// delivery they did not receive.
//
// A click link carries the delivery id and the target; the redirect also
// checks that the target is one of the links the rendered message had
// (store.Content.Links), so even a leaked key cannot send a reader
// elsewhere.
package tracking

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Paths of the tracking endpoints under Herald's public URL.
const (
	OpenPath  = "/t/o/"
	ClickPath = "/t/c/"
)

// MaxLinks is how many distinct links of one message are tracked; the
// rest are left as they are.
const MaxLinks = 100

// Key derives the tracking key from a tenant's signing secret.
func Key(secret []byte) []byte {
	h := hmac.New(sha256.New, secret)
	h.Write([]byte("herald tracking v1"))
	return h.Sum(nil)
}

func sign(key []byte, parts ...string) string {
	h := hmac.New(sha256.New, key)
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return base64.RawURLEncoding.EncodeToString(h.Sum(nil)[:16])
}

// ClickURL returns the redirect through Herald (at base, its public URL)
// to link for the delivery.
func ClickURL(base string, key []byte, deliveryID, link string) string {
	return strings.TrimRight(base, "/") + ClickPath + deliveryID + "/" + sign(key, "click", deliveryID, link) + "?u=" + url.QueryEscape(link)
}

// OpenURL returns the open pixel's URL for the delivery.
func OpenURL(base string, key []byte, deliveryID string) string {
	return strings.TrimRight(base, "/") + OpenPath + deliveryID + "/" + sign(key, "open", deliveryID) + ".gif"
}

// ValidClick reports whether sig is the click signature of link for the
// delivery under key.
func ValidClick(key []byte, deliveryID, link, sig string) bool {
	return hmac.Equal([]byte(sign(key, "click", deliveryID, link)), []byte(sig))
}

// ValidOpen reports whether sig is the open signature of the delivery
// under key.
func ValidOpen(key []byte, deliveryID, sig string) bool {
	return hmac.Equal([]byte(sign(key, "open", deliveryID)), []byte(sig))
}

// Trackable reports whether a link can go through a redirect: absolute
// http or https.
func Trackable(link string) bool {
	u, err := url.Parse(link)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// Rewrite returns htmlSrc with the href of every <a> that is Trackable
// replaced by click(href), and pixel (an <img> tag, "" for none) before
// </body> or at the end; and the distinct links it replaced, in order of
// appearance. Everything else is copied byte for byte. Links past
// MaxLinks distinct ones are left alone.
func Rewrite(htmlSrc string, click func(link string) string, pixel string) (string, []string) {
	var (
		out   strings.Builder
		links []string
		seen  = map[string]bool{}
		z     = html.NewTokenizer(strings.NewReader(htmlSrc))
		put   bool
	)
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			out.Write(z.Raw()) // an unfinished tag at the end, copied as it is
			break
		}
		// Token and TagName unescape and lower-case in the tokenizer's
		// buffer, which Raw points into: copy first.
		raw := append([]byte(nil), z.Raw()...)
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if click == nil || tok.DataAtom != atom.A {
				break
			}
			changed := false
			for i, a := range tok.Attr {
				if a.Namespace != "" || a.Key != "href" || !Trackable(a.Val) {
					continue
				}
				if !seen[a.Val] {
					if len(links) >= MaxLinks {
						continue
					}
					seen[a.Val] = true
					links = append(links, a.Val)
				}
				tok.Attr[i].Val = click(a.Val)
				changed = true
			}
			if changed {
				out.WriteString(tok.String())
				continue
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); pixel != "" && !put && string(name) == "body" {
				out.WriteString(pixel)
				put = true
			}
		}
		out.Write(raw)
	}
	if pixel != "" && !put {
		out.WriteString(pixel)
	}
	return out.String(), links
}

// Pixel returns the open pixel's <img> tag for src.
func Pixel(src string) string {
	return `<img src="` + html.EscapeString(src) + `" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0">`
}
