package render_test

import (
	"encoding/json"
	"testing"

	"github.com/heraldhq/herald/render"
	"github.com/heraldhq/herald/store"
)

// FuzzRender renders arbitrary templates with arbitrary data: it must never
// panic, and output stays under the bound.
func FuzzRender(f *testing.F) {
	f.Add("Hi {{.name}}", `{"name":"Ada"}`)
	f.Add(`{{range .items}}{{.}}{{end}}`, `{"items":[1,2,3]}`)
	f.Add(`{{define "a"}}{{template "a"}}{{end}}{{template "a"}}`, `{}`)
	f.Add(`{{.a.b.c}}`, `{"a":{"b":null}}`)
	f.Add(`{{printf "%v" .}}{{json .}}{{upper .s}}{{default "x" .missing}}`, `{"s":"<script>"}`)
	f.Add(`<a href="{{.u}}">{{.t}}</a>`, `{"u":"javascript:alert(1)","t":"<b>"}`)
	r := render.New()
	f.Fuzz(func(t *testing.T, src, data string) {
		var d map[string]any
		if json.Unmarshal([]byte(data), &d) != nil {
			d = map[string]any{}
		}
		tpl := store.Templates{Email: &store.EmailTemplate{Subject: src, Body: src, HTML: src}}
		c, err := r.Render(store.ChannelEmail, tpl, d, json.RawMessage(data))
		if err != nil {
			return
		}
		if len(c.Subject) > render.MaxOutput || len(c.HTML) > render.MaxOutput {
			t.Fatalf("output over the bound: %d bytes", len(c.HTML))
		}
	})
}
