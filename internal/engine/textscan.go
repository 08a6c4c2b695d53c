package engine

import (
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// TextScan reads, ahead, the files of the dependencies a fact scope may
// ask about for the texts the scopes name (family.FactScope's Texts and
// OwnTexts): a driver starts it once the packages are listed, while the
// go command gives the dependencies' export data and the process has
// little else to do, and gives it to New (Options.Texts); choosing the
// dependencies to analyse (holdTexts) then reads only the packages it
// did not. On the first audit of gitness that reading was 0.43 s
// between the export data and the first dependency analysed.
type TextScan struct {
	texts [][]string // every text alone, as fileTexts.read asks
	stopc chan struct{}
	once  sync.Once
	wg    sync.WaitGroup

	mu    sync.Mutex
	found map[string]scannedTexts // by package ID
}

// scannedTexts is what a package's files held.
type scannedTexts struct {
	files []string        // the files read, in order
	held  map[string]bool // by text (see fileTexts.read: all, when a file could not be read)
}

// ScanTexts starts reading, on one core, the files of every package of
// all that is neither matched nor of the standard library (those
// holdTexts reads) for every text a fact scope of analyzers, or of the
// analyzers they require, names; all are the packages LoadOptions.Listed
// gives, whose compiled files do not change. It returns nil when no
// scope names one.
func ScanTexts(analyzers []*analysis.Analyzer, matched, all []*packages.Package) *TextScan {
	var texts []string
	for _, sc := range factScopes(withRequirements(analyzers)) {
		if sc != nil {
			texts = append(texts, sc.Texts...)
			texts = append(texts, sc.OwnTexts...)
		}
	}
	slices.Sort(texts)
	texts = slices.Compact(texts)
	if len(texts) == 0 {
		return nil
	}
	s := &TextScan{stopc: make(chan struct{}), found: map[string]scannedTexts{}}
	for _, t := range texts {
		s.texts = append(s.texts, []string{t})
	}
	isMatched := map[*packages.Package]bool{}
	for _, p := range matched {
		isMatched[p] = true
	}
	var todo []*packages.Package
	for _, p := range all {
		if !isMatched[p] && !standard(p) && len(p.CompiledGoFiles) > 0 {
			todo = append(todo, p)
		}
	}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		for _, p := range todo {
			select {
			case <-s.stopc:
				return
			default:
			}
			s.scan(p)
		}
	}()
	return s
}

// scan reads p's files for the texts, as holdTexts would.
func (s *TextScan) scan(p *packages.Package) {
	f := &fileTexts{p: p, lists: s.texts, held: map[string]bool{}}
	files := slices.Clone(p.CompiledGoFiles)
	f.read() // a list of one text is keyed by the text (listKey)
	s.mu.Lock()
	s.found[p.ID] = scannedTexts{files: files, held: f.held}
	s.mu.Unlock()
}

// Stop ends the scan, waiting for the package being read; what was read
// stays for the engine. The engine stops it when it chooses the
// dependencies to analyse; a driver stops it once the load is over, and
// before it starts another. A nil scan does nothing.
func (s *TextScan) Stop() {
	if s == nil {
		return
	}
	s.once.Do(func() { close(s.stopc) })
	s.wg.Wait()
}

// lookUp sets what f's files hold, if the scan read them (the same
// files: a package using cgo learns its compiled files after the
// listing) for every text of f's lists; it reports whether it did.
func (s *TextScan) lookUp(f *fileTexts) bool {
	if s == nil {
		return false
	}
	s.mu.Lock()
	st, ok := s.found[f.p.ID]
	s.mu.Unlock()
	if !ok || !slices.Equal(st.files, f.p.CompiledGoFiles) {
		return false
	}
	for _, l := range f.lists {
		for _, t := range l {
			if _, ok := st.held[t]; !ok {
				return false // a text the scan did not look for
			}
		}
	}
	for _, l := range f.lists {
		f.held[listKey(l)] = slices.ContainsFunc(l, func(t string) bool { return st.held[t] })
	}
	return true
}
