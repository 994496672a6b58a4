package emulator

import "testing"

// A connection task is Running, stays Running for TicketPolls polls, then
// Finished with a ticket; a user not authorized to the group gets Failed.
func TestConnectionTicketPhases(t *testing.T) {
	e, _ := newTestEmu(Options{TicketPolls: 2})
	gid, err := e.AddGroup(Group{ImageID: "img-win2019-office", Users: []string{"alice"}})
	if err != nil {
		t.Fatal(err)
	}
	start := func(user string) string {
		m := mustOK(t, e, "GetConnectionTicket", "ProductType", "CloudApp", "EndUserId", user, "AppId", "ca-office0000000001")
		if m["TaskStatus"] != "Running" || m["AppInstanceGroupId"] != gid {
			t.Fatalf("start for %s: %v", user, m)
		}
		return m["TaskId"].(string)
	}
	poll := func(user, task string) map[string]any {
		return mustOK(t, e, "GetConnectionTicket", "ProductType", "CloudApp", "EndUserId", user, "TaskId", task)
	}
	task := start("alice")
	for i := 0; i < 2; i++ {
		if m := poll("alice", task); m["TaskStatus"] != "Running" || m["Ticket"] != nil {
			t.Fatalf("poll %d: %v", i+1, m)
		}
	}
	m := poll("alice", task)
	if m["TaskStatus"] != "Finished" || m["Ticket"] == "" || m["AppInstanceId"] == "" {
		t.Fatalf("poll 3: %v", m)
	}
	if g, _ := e.GroupRecord(gid); g.Sessions != 1 {
		t.Fatalf("sessions %d after the ticket, want 1", g.Sessions)
	}

	bob := start("bob")
	for i := 0; i < 3; i++ {
		if m := poll("bob", bob); m["TaskStatus"] != "Failed" || m["Ticket"] != nil {
			t.Fatalf("unauthorized poll %d: %v", i+1, m)
		}
	}
	if g, _ := e.GroupRecord(gid); g.Sessions != 1 {
		t.Fatalf("an unauthorized user opened a session: %d", g.Sessions)
	}

	// No group offers the app at all: refused at once.
	if st, m := do(t, e, "GetConnectionTicket", "ProductType", "CloudApp", "EndUserId", "alice", "AppId", "ca-cad0000000000001"); st != 400 || m["Code"] != "InvalidAppInstanceGroup.NotFound" {
		t.Fatalf("unknown app: %d %v", st, m)
	}
}
