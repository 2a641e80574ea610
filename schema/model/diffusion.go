package model

import (
	"github.com/fazhikg/fazhikg/diffusion"
	"github.com/fazhikg/fazhikg/graph"
)

// SpreadAdoption is an adoption in a mechanism's spread.
type SpreadAdoption struct {
	diffusion.Adoption
	Evidence []graph.ID
}

// Transmission is an inferred transmission with the mechanism it carried
// and the evidence of the target's adoption.
type Transmission struct {
	diffusion.Edge
	MechanismID graph.ID
	Evidence    []graph.ID
}

// CoAdoption is a pair of mechanism families, seen from one of them.
type CoAdoption struct {
	MechanismID, OtherID graph.ID
	Count, OtherCount    int
	Both                 int
	Lift, Jaccard        float64
	MechanismFirst       int
	OtherFirst           int
	SameYear             int
}

// DiffusionModel is the weights of the diffusion model in use.
type DiffusionModel struct {
	diffusion.Params
	Fitted bool
}

// PathRate is the rate of one path kind.
type PathRate struct {
	PathKind string
	Rate     float64
}
