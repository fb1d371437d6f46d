// Package web holds Herald's browser side, built from this directory with
// Vite (see package.json) and embedded so that `go install` users get it:
// the operator console, served at /console/, and the <herald-inbox> web
// component, served at /inbox/herald-inbox.js for pages to embed.
//
// dist/ is build output, committed; `make check-generated` fails when it is
// not what the sources build.
package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed dist
var dist embed.FS

// consoleCSP keeps the console to its own scripts and its own API: a key
// typed into it can only ever be sent to this Herald.
const consoleCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

type asset struct {
	body []byte
	// gzipped is body compressed once at start, for clients that take it.
	gzipped     []byte
	contentType string
	etag        string
	// immutable assets have content hashes in their names.
	immutable bool
}

// Handler serves the console under /console/ and the inbox component
// under /inbox/.
func Handler() http.Handler {
	assets := map[string]*asset{}
	err := fs.WalkDir(dist, "dist", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := dist.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		ctype := mime.TypeByExtension(path.Ext(p))
		if ctype == "" {
			ctype = http.DetectContentType(b)
		}
		var gz bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression) // a valid level: no error
		zw.Write(b)                                             //nolint:errcheck // writes to memory
		if err := zw.Close(); err != nil {
			return err
		}
		assets[strings.TrimPrefix(p, "dist")] = &asset{
			body: b, gzipped: gz.Bytes(), contentType: ctype, etag: hex.EncodeToString(sum[:8]),
			immutable: strings.Contains(p, "/assets/"),
		}
		return nil
	})
	if err != nil {
		panic("web: embedded assets: " + err.Error()) // the embed is fixed at build time
	}
	mux := http.NewServeMux()
	mux.Handle("GET /console", http.RedirectHandler("/console/", http.StatusMovedPermanently))
	mux.HandleFunc("GET /console/", func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		a := assets[p]
		if a == nil {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h.Set("Content-Security-Policy", consoleCSP)
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		serve(w, r, a)
	})
	mux.HandleFunc("GET /inbox/", func(w http.ResponseWriter, r *http.Request) {
		a := assets[r.URL.Path]
		if a == nil {
			http.NotFound(w, r)
			return
		}
		// Pages on any origin load the component as a module script, which
		// browsers fetch with CORS. It is public code and sends no
		// credentials.
		w.Header().Set("Access-Control-Allow-Origin", "*")
		serve(w, r, a)
	})
	return mux
}

func serve(w http.ResponseWriter, r *http.Request, a *asset) {
	h := w.Header()
	h.Set("Content-Type", a.contentType)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Vary", "Accept-Encoding")
	if a.immutable {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	body, etag := a.body, a.etag
	if acceptsGzip(r) {
		body, etag = a.gzipped, etag+"-gz"
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("ETag", `"`+etag+`"`)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(coding, "gzip") && strings.ReplaceAll(params, " ", "") != "q=0" {
			return true
		}
	}
	return false
}
