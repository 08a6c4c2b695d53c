package gateway

// Name is internal to payments.
const Name = "gw"
