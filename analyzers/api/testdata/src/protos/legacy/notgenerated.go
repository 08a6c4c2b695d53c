package legacy

const Fake_FullMethodName = "/shop.fake.Fake/Get"
