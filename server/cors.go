package server

import (
	"net/http"

	connectcors "connectrpc.com/cors"
	"github.com/rs/cors"
)

// newCORS returns a middleware that lets browsers on origins call the API
// with Connect or gRPC-Web, Authorization header included. With no origins
// it changes nothing: browsers refuse cross-origin calls.
func newCORS(origins []string) func(http.Handler) http.Handler {
	if len(origins) == 0 {
		return func(h http.Handler) http.Handler { return h }
	}
	c := cors.New(cors.Options{
		AllowedOrigins: origins,
		AllowedMethods: connectcors.AllowedMethods(),
		AllowedHeaders: append(connectcors.AllowedHeaders(), "Authorization"),
		ExposedHeaders: connectcors.ExposedHeaders(),
		// Bearer tokens, not cookies: credentials mode stays off.
		AllowCredentials: false,
		MaxAge:           7200, // seconds browsers may cache a preflight
	})
	return c.Handler
}
