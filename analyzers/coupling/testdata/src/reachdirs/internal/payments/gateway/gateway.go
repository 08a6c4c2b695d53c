package gateway

// Name names the gateway.
const Name = "gw"
