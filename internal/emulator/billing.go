package emulator

import (
	"fmt"
	"time"
)

// Bill is what a group has cost so far, in CNY, from the catalog's list
// prices (see PriceQuote):
//   - Subscription: PrePaid resources, Monthly × months(Period, PeriodUnit)
//     × NodeAmount for the purchase (a Week is 7/30 of a month);
//   - PayAsYouGo: PostPaid subscription-less resources (a PostPaid group's
//     NodeAmount), per second since the group was created, at Hourly;
//   - Elastic: every elastic resource per second from the end of its
//     creation to the end of its release, at Hourly.
//
// Amounts are unrounded; Total is rounded to cents, as the console shows.
type Bill struct {
	Subscription float64       `json:"subscription_cny"`
	PayAsYouGo   float64       `json:"pay_as_you_go_cny"`
	Elastic      float64       `json:"elastic_cny"`
	Total        float64       `json:"total_cny"`
	ElasticNodes []elasticNode `json:"elastic_nodes"`
}

// GroupBill returns the bill of a group up to the emulator's now.
func (e *Emulator) GroupBill(id string) (Bill, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.tick()
	g := e.st.groups[id]
	if g == nil {
		return Bill{}, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	return e.bill(g, e.now()), nil
}

func (e *Emulator) bill(g *Group, now time.Time) Bill {
	it, _ := e.st.catalog.instanceType(g.NodePool.InstanceType)
	perSecond := it.hourly() / 3600
	var b Bill
	if g.ChargeType == "PrePaid" {
		b.Subscription = it.Monthly * periodMonths(int64(g.Period), g.PeriodUnit) * float64(g.NodePool.NodeAmount)
	} else if !g.CreatedAt.IsZero() {
		b.PayAsYouGo = perSecond * now.Sub(g.CreatedAt).Seconds() * float64(g.NodePool.NodeAmount)
	}
	rt := e.runtime(g)
	for _, list := range [][]*elasticNode{rt.gone, rt.nodes} {
		for _, n := range list {
			b.ElasticNodes = append(b.ElasticNodes, *n)
			end := now
			if n.releasing() && n.GoneAt.Before(now) {
				end = n.GoneAt
			}
			if end.After(n.ReadyAt) {
				b.Elastic += perSecond * end.Sub(n.ReadyAt).Seconds()
			}
		}
	}
	b.Total = round(b.Subscription+b.PayAsYouGo+b.Elastic, 2)
	return b
}
