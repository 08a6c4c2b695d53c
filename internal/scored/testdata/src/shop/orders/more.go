package orders

func Third() {}
