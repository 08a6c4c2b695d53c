package reports

import "concrete/concrete"

// Sum selects the client's pool.
func Sum(c *concrete.Client) error { return c.DB.Ping() } // want `component reports depends on concrete concrete\.Client, concrete\.Client\.DB of concrete: 1 param, 1 selector \(2 uses\); 1 use binds to the types; depend on an interface instead`
