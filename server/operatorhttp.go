package server

import (
	"net/http"
	"strings"

	"connectrpc.com/connect"

	"github.com/heraldhq/herald/store"
)

// OperatorOnly admits requests to next only with an operator API key, as
// "Authorization: Bearer <key>" or as the password of HTTP basic auth (any
// user name), so a browser can open an operator page such as /riverui:
// without credentials it answers 401 and asks for them. Keys without the
// operator role get 403. It guards plain HTTP handlers; RPCs have the auth
// interceptor, whose key lookup (and cache: a revoked key is refused
// within two seconds) it shares.
func OperatorOnly(st *store.Store, next http.Handler) http.Handler {
	auth := newAuthInterceptor(st, nil)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := ""
		if _, password, ok := r.BasicAuth(); ok {
			key = password
		} else if bearer, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
			key = strings.TrimSpace(bearer)
		}
		if key == "" {
			w.Header().Set("WWW-Authenticate", `Basic realm="Herald operators", charset="UTF-8"`)
			http.Error(w, "an operator API key is required (as the basic auth password, or a bearer token)", http.StatusUnauthorized)
			return
		}
		p, err := auth.apiKey(r.Context(), key)
		switch {
		case connect.CodeOf(err) == connect.CodeUnauthenticated:
			w.Header().Set("WWW-Authenticate", `Basic realm="Herald operators", charset="UTF-8"`)
			http.Error(w, "invalid or revoked API key", http.StatusUnauthorized)
			return
		case err != nil:
			http.Error(w, "could not check the API key", http.StatusServiceUnavailable)
			return
		case !p.operator:
			http.Error(w, "this API key does not have the operator role (herald keys create --operator)", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}
