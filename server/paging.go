package server

import (
	"encoding/base64"
	"encoding/json"
	"strconv"
)

// Page tokens are opaque to clients: base64url JSON of where the next page
// starts. A token a client edits only moves its own position.

func encodePageToken(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodePageToken(token string, v any) error {
	if token == "" {
		return nil
	}
	b, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		return invalidArgument("page_token", "malformed page token")
	}
	if err := json.Unmarshal(b, v); err != nil {
		return invalidArgument("page_token", "malformed page token")
	}
	return nil
}

func pageSize(requested, def int32) int {
	if requested <= 0 {
		return int(def)
	}
	return int(requested)
}

func itoa(i int64) string { return strconv.FormatInt(i, 10) }
