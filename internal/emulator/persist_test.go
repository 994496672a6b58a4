package emulator

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// persistentEmu starts an emulator on path at the model time t0.
func persistentEmu(t *testing.T, path string) (*Emulator, error) {
	t.Helper()
	e, _ := newTestEmu(Options{DeployDuration: time.Minute})
	return e, e.UseStateFile(path)
}

// comparable state: the dump without its timestamp.
func dumpJSON(t *testing.T, e *Emulator) string {
	t.Helper()
	d := e.State()
	d.Now = ""
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestStateFileSurvivesRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	a, err := persistentEmu(t, path)
	if err != nil {
		t.Fatal(err)
	}
	id := create(t, a, "AppInstanceGroupName", "kept")
	other := create(t, a, "AppInstanceGroupName", "deleted-later")
	mustOK(t, a, "AuthorizeInstanceGroup", "AppInstanceGroupId", id, "ProductType", "CloudApp",
		"AuthorizeUserIds.1", "alice", "AuthorizeUserIds.2", "bob", "AuthorizeUserGroupIds.1", "ug-engineering0001")
	g, _ := a.GroupRecord(id)
	mustOK(t, a, "ModifyAppPolicy", "AppPolicyId", g.PolicyID, "ProductType", "CloudApp", "VideoPolicy", `{"FrameRate":60}`)
	mustOK(t, a, "TagCloudResources", "ResourceType", "AppInstanceGroupId", "ResourceIds.1", id,
		"Tags.1.Key", "team", "Tags.1.Value", "desk")
	if st, m := adminReq(t, a, "POST", "/_emulator/groups/"+id+"/sessions", `{"connect":2}`); st != 200 {
		t.Fatalf("connect: %d %v", st, m)
	}
	if st, m := adminReq(t, a, "DELETE", "/_emulator/groups/"+other, ""); st != 200 {
		t.Fatalf("admin delete: %d %v", st, m)
	}
	a.AdvanceTime(90 * time.Minute) // the manual clock: DEPLOYING → PUBLISHED is due
	_, _ = getStatus(t, a, id)      // let DEPLOYING → PUBLISHED happen before the restart
	before := dumpJSON(t, a)

	b, err := persistentEmu(t, path)
	if err != nil {
		t.Fatalf("restart: %v", err)
	}
	b.AdvanceTime(90 * time.Minute) // the same model time as a
	if after := dumpJSON(t, b); after != before {
		t.Errorf("state after restart differs:\nbefore %s\nafter  %s", before, after)
	}
	if st, status := getStatus(t, b, id); st != 200 || status != "PUBLISHED" {
		t.Errorf("group after restart: %d %s", st, status)
	}
	if st, _ := getStatus(t, b, other); st != 400 {
		t.Errorf("deleted group came back: %d", st)
	}
	users := mustOK(t, b, "PageListAppInstanceGroupUser", "AppInstanceGroupId", id, "ProductType", "CloudApp")
	if got := js(users["Users"]); got != `["alice","bob"]` {
		t.Errorf("users after restart: %s", got)
	}
	tags := mustOK(t, b, "ListTagCloudResources", "ResourceType", "AppInstanceGroupId", "ResourceIds.1", id)
	if !strings.Contains(js(tags), `"Key":"team","Scope":"Custom","Value":"desk"`) {
		t.Errorf("tags after restart: %s", js(tags))
	}
	if pol, ok := b.Policy(g.PolicyID); !ok || pol.FrameRate != 60 || !reflect.DeepEqual(pol.Groups, []string{id}) {
		t.Errorf("policy after restart: %+v %v", pol, ok)
	}
	if rec, _ := b.GroupRecord(id); rec.Sessions != 2 {
		t.Errorf("sessions after restart: %d", rec.Sessions)
	}
	// The ID generator continues where it stopped: both emulators make the
	// same next ID, and it is a new one.
	nextA, nextB := create(t, a), create(t, b)
	if nextA != nextB || nextA == id || nextA == other {
		t.Errorf("next IDs: before restart %s, after %s (existing %s, %s)", nextA, nextB, id, other)
	}
}

// The admin clock offset (POST /_emulator/clock on a real clock) is part of
// the state: a sandbox moved to next Monday stays there.
func TestStateFileKeepsClockOffset(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	open := func() *Emulator {
		e := New(Options{SkipSignature: true})
		if err := e.UseStateFile(path); err != nil {
			t.Fatal(err)
		}
		return e
	}
	a := open()
	if st, m := adminReq(t, a, "POST", "/_emulator/clock", `{"advance":"240h"}`); st != 200 {
		t.Fatalf("clock: %d %v", st, m)
	}
	b := open()
	if ahead := time.Until(b.Now()); ahead < 239*time.Hour || ahead > 241*time.Hour {
		t.Errorf("model clock after restart is %s ahead of the real one, want 240h", ahead)
	}
}

func TestStateFileWrittenOnlyOnChange(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	e, err := persistentEmu(t, path)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("a new state file is written at start: %v", err)
	}
	writes := 0
	beforeRename = func(string) error { writes++; return nil }
	defer func() { beforeRename = nil }()
	mustOK(t, e, "ListRegions")
	if writes != 0 {
		t.Errorf("a read-only call wrote the file %d times", writes)
	}
	create(t, e)
	if writes != 1 {
		t.Errorf("a create wrote the file %d times, want 1", writes)
	}
	now, _ := os.ReadFile(path)
	if string(now) == string(fresh) {
		t.Error("the file did not change after a create")
	}
}

func TestStateFileCrashDuringWriteKeepsLastState(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	e, err := persistentEmu(t, path)
	if err != nil {
		t.Fatal(err)
	}
	kept := create(t, e)
	good, _ := os.ReadFile(path)
	beforeRename = func(tmp string) error {
		// The temporary file is complete here; cut it in half as a crash
		// during the write would, then "die" before the rename.
		data, _ := os.ReadFile(tmp)
		_ = os.WriteFile(tmp, data[:len(data)/2], 0o600)
		return errors.New("simulated crash")
	}
	st, m := do(t, e, "CreateAppInstanceGroup", createArgs()...)
	beforeRename = nil
	if st != 500 || !strings.Contains(js(m), "could not save its state file") {
		t.Errorf("a failed save answers %d %v, want 500 naming the state file", st, m)
	}
	if now, _ := os.ReadFile(path); string(now) != string(good) {
		t.Fatal("the state file changed although the write never finished")
	}
	b, err := persistentEmu(t, path)
	if err != nil {
		t.Fatalf("restart after the crash: %v", err)
	}
	if ids := b.GroupIDs(); !reflect.DeepEqual(ids, []string{kept}) {
		t.Errorf("groups after the crash: %v, want [%s]", ids, kept)
	}
}

func TestStateFileUnreadableIsAStartupError(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	e, err := persistentEmu(t, good)
	if err != nil {
		t.Fatal(err)
	}
	create(t, e)
	full, _ := os.ReadFile(good)
	for name, tc := range map[string]struct {
		content string
		want    string
	}{
		"truncated":     {string(full[:len(full)*2/3]), "truncated"},
		"empty":         {"", "empty"},
		"not JSON":      {"groups: []\n", "invalid JSON"},
		"other format":  {`{"format":"terraform-state","version":1,"state":{}}`, "not an emulator state file"},
		"newer version": {`{"format":"appstreaming-emulator-state","version":99,"state":{}}`, "version is 99"},
		"unknown field": {strings.Replace(string(full), `"groups_created"`, `"groups_made"`, 1), "groups_made"},
		"two documents": {string(full) + string(full), "after the JSON document"},
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".json")
			if err := os.WriteFile(path, []byte(tc.content), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := persistentEmu(t, path)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path) ||
				!strings.Contains(err.Error(), "left as it is") {
				t.Fatalf("err = %v; want it to name %s, say %q and that the file was left alone", err, path, tc.want)
			}
			if now, _ := os.ReadFile(path); string(now) != tc.content {
				t.Error("the unreadable file was changed")
			}
		})
	}
}

func TestStateFileUnwritablePlaceFailsAtStart(t *testing.T) {
	notDir := filepath.Join(t.TempDir(), "plain-file")
	if err := os.WriteFile(notDir, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := persistentEmu(t, filepath.Join(notDir, "state.json")); err == nil {
		t.Fatal("a state file under a plain file was accepted")
	}
}

// Every field of the model is either in the state file or deliberately
// left out. A new field fails this test until persist.go decides.
func TestStateFileCoversEveryStateField(t *testing.T) {
	persisted := map[string]bool{
		"groups": true, "order": true, "policies": true, "instances": true, "tasks": true, "otherTags": true,
		"created": true, "src": true, "orderSeq": true, "scaling": true, "latency": true,
	}
	fromOptions := map[string]bool{"catalog": true, "userGroups": true, "rng": true} // rng is rebuilt on src
	st := reflect.TypeOf(state{})
	for i := 0; i < st.NumField(); i++ {
		name := st.Field(i).Name
		if !persisted[name] && !fromOptions[name] {
			t.Errorf("state.%s is neither saved by snapshot/restore (persist.go) nor listed as rebuilt from the options", name)
		}
	}
}
