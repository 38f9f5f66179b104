import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9379:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const ANY = Symbol('SemVer ANY')
// hoisted class for cyclic dependency
class Comparator {
  static get ANY () {
    return ANY
  }

  constructor (comp, options) {
    options = parseOptions(options)

    if (comp instanceof Comparator) {
      if (comp.loose === !!options.loose) {
        return comp
      } else {
        comp = comp.value
      }
    }

    comp = comp.trim().split(/\s+/).join(' ')
    debug('comparator', comp, options)
    this.options = options
    this.loose = !!options.loose
    this.parse(comp)

    if (this.semver === ANY) {
      this.value = ''
    } else {
      this.value = this.operator + this.semver.version
    }

    debug('comp', this)
  }

  parse (comp) {
    const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR]
    const m = comp.match(r)

    if (!m) {
      throw new TypeError(`Invalid comparator: ${comp}`)
    }

    this.operator = m[1] !== undefined ? m[1] : ''
    if (this.operator === '=') {
      this.operator = ''
    }

    // if it literally is just '>' or '' then allow anything.
    if (!m[2]) {
      this.semver = ANY
    } else {
      this.semver = new SemVer(m[2], this.options.loose)
    }
  }

  toString () {
    return this.value
  }

  test (version) {
    debug('Comparator.test', version, this.options.loose)

    if (this.semver === ANY || version === ANY) {
      return true
    }

    if (typeof version === 'string') {
      try {
        version = new SemVer(version, this.options)
      } catch (er) {
        return false
      }
    }

    return cmp(version, this.operator, this.semver, this.options)
  }

  intersects (comp, options) {
    if (!(comp instanceof Comparator)) {
      throw new TypeError('a Comparator is required')
    }

    if (this.operator === '') {
      if (this.value === '') {
        return true
      }
      return new Range(comp.value, options).test(this.value)
    } else if (comp.operator === '') {
      if (comp.value === '') {
        return true
      }
      return new Range(this.value, options).test(comp.semver)
    }

    options = parseOptions(options)

    // Special cases where nothing can possibly be lower
    if (options.includePrerelease &&
      (this.value === '<0.0.0-0' || comp.value === '<0.0.0-0')) {
      return false
    }
    if (!options.includePrerelease &&
      (this.value.startsWith('<0.0.0') || comp.value.startsWith('<0.0.0'))) {
      return false
    }

    // Same direction increasing (> or >=)
    if (this.operator.startsWith('>') && comp.operator.startsWith('>')) {
      return true
    }
    // Same direction decreasing (< or <=)
    if (this.operator.startsWith('<') && comp.operator.startsWith('<')) {
      return true
    }
    // same SemVer and both sides are inclusive (<= or >=)
    if (
      (this.semver.version === comp.semver.version) &&
      this.operator.includes('=') && comp.operator.includes('=')) {
      return true
    }
    // opposite directions less than
    if (cmp(this.semver, '<', comp.semver, options) &&
      this.operator.startsWith('>') && comp.operator.startsWith('<')) {
      return true
    }
    // opposite directions greater than
    if (cmp(this.semver, '>', comp.semver, options) &&
      this.operator.startsWith('<') && comp.operator.startsWith('>')) {
      return true
    }
    return false
  }
}

module.exports = Comparator

const parseOptions = __nccwpck_require__(356)
const { safeRe: re, t } = __nccwpck_require__(5471)
const cmp = __nccwpck_require__(8646)
const debug = __nccwpck_require__(1159)
const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)


/***/ }),

/***/ 6782:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SPACE_CHARACTERS = /\s+/g

// hoisted class for cyclic dependency
class Range {
  constructor (range, options) {
    options = parseOptions(options)

    if (range instanceof Range) {
      if (
        range.loose === !!options.loose &&
        range.includePrerelease === !!options.includePrerelease
      ) {
        return range
      } else {
        return new Range(range.raw, options)
      }
    }

    if (range instanceof Comparator) {
      // just put it in the set and return
      this.raw = range.value
      this.set = [[range]]
      this.formatted = undefined
      return this
    }

    this.options = options
    this.loose = !!options.loose
    this.includePrerelease = !!options.includePrerelease

    // First reduce all whitespace as much as possible so we do not have to rely
    // on potentially slow regexes like \s*. This is then stored and used for
    // future error messages as well.
    this.raw = range.trim().replace(SPACE_CHARACTERS, ' ')

    // First, split on ||
    this.set = this.raw
      .split('||')
      // map the range to a 2d array of comparators
      .map(r => this.parseRange(r.trim()))
      // throw out any comparator lists that are empty
      // this generally means that it was not a valid range, which is allowed
      // in loose mode, but will still throw if the WHOLE range is invalid.
      .filter(c => c.length)

    if (!this.set.length) {
      throw new TypeError(`Invalid SemVer Range: ${this.raw}`)
    }

    // if we have any that are not the null set, throw out null sets.
    if (this.set.length > 1) {
      // keep the first one, in case they're all null sets
      const first = this.set[0]
      this.set = this.set.filter(c => !isNullSet(c[0]))
      if (this.set.length === 0) {
        this.set = [first]
      } else if (this.set.length > 1) {
        // if we have any that are *, then the range is just *
        for (const c of this.set) {
          if (c.length === 1 && isAny(c[0])) {
            this.set = [c]
            break
          }
        }
      }
    }

    this.formatted = undefined
  }

  get range () {
    if (this.formatted === undefined) {
      this.formatted = ''
      for (let i = 0; i < this.set.length; i++) {
        if (i > 0) {
          this.formatted += '||'
        }
        const comps = this.set[i]
        for (let k = 0; k < comps.length; k++) {
          if (k > 0) {
            this.formatted += ' '
          }
          this.formatted += comps[k].toString().trim()
        }
      }
    }
    return this.formatted
  }

  format () {
    return this.range
  }

  toString () {
    return this.range
  }

  parseRange (range) {
    // strip build metadata so it can't bleed into the version
    range = range.replace(BUILDSTRIPRE, '')

    // memoize range parsing for performance.
    // this is a very hot path, and fully deterministic.
    const memoOpts =
      (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) |
      (this.options.loose && FLAG_LOOSE)
    const memoKey = memoOpts + ':' + range
    const cached = cache.get(memoKey)
    if (cached) {
      return cached
    }

    const loose = this.options.loose
    // `1.2.3 - 1.2.4` => `>=1.2.3 <=1.2.4`
    const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE]
    range = range.replace(hr, hyphenReplace(this.options.includePrerelease))
    debug('hyphen replace', range)

    // `> 1.2.3 < 1.2.5` => `>1.2.3 <1.2.5`
    range = trimComparatorWhitespace(range)
    debug('comparator trim', range)

    // `~ 1.2.3` => `~1.2.3`
    range = range.replace(re[t.TILDETRIM], tildeTrimReplace)
    debug('tilde trim', range)

    // `^ 1.2.3` => `^1.2.3`
    range = range.replace(re[t.CARETTRIM], caretTrimReplace)
    debug('caret trim', range)

    // At this point, the range is completely trimmed and
    // ready to be split into comparators.

    let rangeList = range
      .split(' ')
      .map(comp => parseComparator(comp, this.options))
      .join(' ')
      .split(/\s+/)
      // >=0.0.0 is equivalent to *
      .map(comp => replaceGTE0(comp, this.options))

    if (loose) {
      // in loose mode, throw out any that are not valid comparators
      rangeList = rangeList.filter(comp => {
        debug('loose invalid filter', comp, this.options)
        return !!comp.match(re[t.COMPARATORLOOSE])
      })
    }
    debug('range list', rangeList)

    // if any comparators are the null set, then replace with JUST null set
    // if more than one comparator, remove any * comparators
    // also, don't include the same comparator more than once
    const rangeMap = new Map()
    const comparators = rangeList.map(comp => new Comparator(comp, this.options))
    for (const comp of comparators) {
      if (isNullSet(comp)) {
        return [comp]
      }
      rangeMap.set(comp.value, comp)
    }
    if (rangeMap.size > 1 && rangeMap.has('')) {
      rangeMap.delete('')
    }

    const result = [...rangeMap.values()]
    cache.set(memoKey, result)
    return result
  }

  intersects (range, options) {
    if (!(range instanceof Range)) {
      throw new TypeError('a Range is required')
    }

    return this.set.some((thisComparators) => {
      return (
        isSatisfiable(thisComparators, options) &&
        range.set.some((rangeComparators) => {
          return (
            isSatisfiable(rangeComparators, options) &&
            thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options)
              })
            })
          )
        })
      )
    })
  }

  // if ANY of the sets match ALL of its comparators, then pass
  test (version) {
    if (!version) {
      return false
    }

    if (typeof version === 'string') {
      try {
        version = new SemVer(version, this.options)
      } catch (er) {
        return false
      }
    }

    for (let i = 0; i < this.set.length; i++) {
      if (testSet(this.set[i], version, this.options)) {
        return true
      }
    }
    return false
  }
}

module.exports = Range

const LRU = __nccwpck_require__(1383)
const cache = new LRU()

const parseOptions = __nccwpck_require__(356)
const Comparator = __nccwpck_require__(9379)
const debug = __nccwpck_require__(1159)
const SemVer = __nccwpck_require__(7163)
const trimComparatorWhitespace = __nccwpck_require__(9737)
const {
  safeRe: re,
  src,
  t,
  tildeTrimReplace,
  caretTrimReplace,
} = __nccwpck_require__(5471)
const { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = __nccwpck_require__(5101)

// unbounded global build-metadata stripper used by parseRange
const BUILDSTRIPRE = new RegExp(src[t.BUILD], 'g')

const isNullSet = c => c.value === '<0.0.0-0'
const isAny = c => c.value === ''

// take a set of comparators and determine whether there
// exists a version which can satisfy it
const isSatisfiable = (comparators, options) => {
  let result = true
  const remainingComparators = comparators.slice()
  let testComparator = remainingComparators.pop()

  while (result && remainingComparators.length) {
    result = remainingComparators.every((otherComparator) => {
      return testComparator.intersects(otherComparator, options)
    })

    testComparator = remainingComparators.pop()
  }

  return result
}

// comprised of xranges, tildes, stars, and gtlt's at this point.
// already replaced the hyphen ranges
// turn into a set of JUST comparators.
const parseComparator = (comp, options) => {
  comp = comp.replace(re[t.BUILD], '')
  debug('comp', comp, options)
  comp = replaceCarets(comp, options)
  debug('caret', comp)
  comp = replaceTildes(comp, options)
  debug('tildes', comp)
  comp = replaceXRanges(comp, options)
  debug('xrange', comp)
  comp = replaceStars(comp, options)
  debug('stars', comp)
  return comp
}

const isX = id => !id || id.toLowerCase() === 'x' || id === '*'

const invalidXRangeOrder = (M, m, p) => (
  (isX(M) && !isX(m)) ||
  (isX(m) && p && !isX(p))
)

// ~, ~> --> * (any, kinda silly)
// ~2, ~2.x, ~2.x.x, ~>2, ~>2.x ~>2.x.x --> >=2.0.0 <3.0.0-0
// ~2.0, ~2.0.x, ~>2.0, ~>2.0.x --> >=2.0.0 <2.1.0-0
// ~1.2, ~1.2.x, ~>1.2, ~>1.2.x --> >=1.2.0 <1.3.0-0
// ~1.2.3, ~>1.2.3 --> >=1.2.3 <1.3.0-0
// ~1.2.0, ~>1.2.0 --> >=1.2.0 <1.3.0-0
// ~0.0.1 --> >=0.0.1 <0.1.0-0
const replaceTildes = (comp, options) => {
  return comp
    .trim()
    .split(/\s+/)
    .map((c) => replaceTilde(c, options))
    .join(' ')
}

const replaceTilde = (comp, options) => {
  const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE]
  // if we're including prereleases in the match, then the lower bound is
  // -0, the lowest possible prerelease value, just like x-ranges and carets.
  // this keeps `~1.2` equivalent to the `1.2.x` x-range it's documented as.
  const z = options.includePrerelease ? '-0' : ''
  return comp.replace(r, (_, M, m, p, pr) => {
    debug('tilde', comp, _, M, m, p, pr)
    let ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`
    } else if (isX(p)) {
      // ~1.2 == >=1.2.0 <1.3.0-0
      ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`
    } else if (pr) {
      debug('replaceTilde pr', pr)
      ret = `>=${M}.${m}.${p}-${pr
      } <${M}.${+m + 1}.0-0`
    } else {
      // ~1.2.3 == >=1.2.3 <1.3.0-0
      ret = `>=${M}.${m}.${p
      } <${M}.${+m + 1}.0-0`
    }

    debug('tilde return', ret)
    return ret
  })
}

// ^ --> * (any, kinda silly)
// ^2, ^2.x, ^2.x.x --> >=2.0.0 <3.0.0-0
// ^2.0, ^2.0.x --> >=2.0.0 <3.0.0-0
// ^1.2, ^1.2.x --> >=1.2.0 <2.0.0-0
// ^1.2.3 --> >=1.2.3 <2.0.0-0
// ^1.2.0 --> >=1.2.0 <2.0.0-0
// ^0.0.1 --> >=0.0.1 <0.0.2-0
// ^0.1.0 --> >=0.1.0 <0.2.0-0
const replaceCarets = (comp, options) => {
  return comp
    .trim()
    .split(/\s+/)
    .map((c) => replaceCaret(c, options))
    .join(' ')
}

const replaceCaret = (comp, options) => {
  debug('caret', comp, options)
  const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET]
  const z = options.includePrerelease ? '-0' : ''
  return comp.replace(r, (_, M, m, p, pr) => {
    debug('caret', comp, _, M, m, p, pr)
    let ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`
    } else if (isX(p)) {
      if (M === '0') {
        ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`
      } else {
        ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`
      }
    } else if (pr) {
      debug('replaceCaret pr', pr)
      if (M === '0') {
        if (m === '0') {
          ret = `>=${M}.${m}.${p}-${pr
          } <${M}.${m}.${+p + 1}-0`
        } else {
          ret = `>=${M}.${m}.${p}-${pr
          } <${M}.${+m + 1}.0-0`
        }
      } else {
        ret = `>=${M}.${m}.${p}-${pr
        } <${+M + 1}.0.0-0`
      }
    } else {
      debug('no pr')
      if (M === '0') {
        if (m === '0') {
          ret = `>=${M}.${m}.${p
          } <${M}.${m}.${+p + 1}-0`
        } else {
          ret = `>=${M}.${m}.${p
          } <${M}.${+m + 1}.0-0`
        }
      } else {
        ret = `>=${M}.${m}.${p
        } <${+M + 1}.0.0-0`
      }
    }

    debug('caret return', ret)
    return ret
  })
}

const replaceXRanges = (comp, options) => {
  debug('replaceXRanges', comp, options)
  return comp
    .split(/\s+/)
    .map((c) => replaceXRange(c, options))
    .join(' ')
}

const replaceXRange = (comp, options) => {
  comp = comp.trim()
  const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE]
  return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
    debug('xRange', comp, ret, gtlt, M, m, p, pr)
    if (invalidXRangeOrder(M, m, p)) {
      return comp
    }

    const xM = isX(M)
    const xm = xM || isX(m)
    const xp = xm || isX(p)
    const anyX = xp

    if (gtlt === '=' && anyX) {
      gtlt = ''
    }

    // if we're including prereleases in the match, then we need
    // to fix this to -0, the lowest possible prerelease value
    pr = options.includePrerelease ? '-0' : ''

    if (xM) {
      if (gtlt === '>' || gtlt === '<') {
        // nothing is allowed
        ret = '<0.0.0-0'
      } else {
        // nothing is forbidden
        ret = '*'
      }
    } else if (gtlt && anyX) {
      // we know patch is an x, because we have any x at all.
      // replace X with 0
      if (xm) {
        m = 0
      }
      p = 0

      if (gtlt === '>') {
        // >1 => >=2.0.0
        // >1.2 => >=1.3.0
        gtlt = '>='
        if (xm) {
          M = +M + 1
          m = 0
          p = 0
        } else {
          m = +m + 1
          p = 0
        }
      } else if (gtlt === '<=') {
        // <=0.7.x is actually <0.8.0, since any 0.7.x should
        // pass.  Similarly, <=7.x is actually <8.0.0, etc.
        gtlt = '<'
        if (xm) {
          M = +M + 1
        } else {
          m = +m + 1
        }
      }

      if (gtlt === '<') {
        pr = '-0'
      }

      ret = `${gtlt + M}.${m}.${p}${pr}`
    } else if (xm) {
      ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`
    } else if (xp) {
      ret = `>=${M}.${m}.0${pr
      } <${M}.${+m + 1}.0-0`
    }

    debug('xRange return', ret)

    return ret
  })
}

// Because * is AND-ed with everything else in the comparator,
// and '' means "any version", just remove the *s entirely.
const replaceStars = (comp, options) => {
  debug('replaceStars', comp, options)
  // Looseness is ignored here.  star is always as loose as it gets!
  return comp
    .trim()
    .replace(re[t.STAR], '')
}

const replaceGTE0 = (comp, options) => {
  debug('replaceGTE0', comp, options)
  return comp
    .trim()
    .replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], '')
}

// This function is passed to string.replace(re[t.HYPHENRANGE])
// M, m, patch, prerelease, build
// 1.2 - 3.4.5 => >=1.2.0 <=3.4.5
// 1.2.3 - 3.4 => >=1.2.0 <3.5.0-0 Any 3.4.x will do
// 1.2 - 3.4 => >=1.2.0 <3.5.0-0
// TODO build?
const hyphenReplace = incPr => ($0,
  from, fM, fm, fp, fpr, fb,
  to, tM, tm, tp, tpr) => {
  if (isX(fM)) {
    from = ''
  } else if (isX(fm)) {
    from = `>=${fM}.0.0${incPr ? '-0' : ''}`
  } else if (isX(fp)) {
    from = `>=${fM}.${fm}.0${incPr ? '-0' : ''}`
  } else if (fpr) {
    from = `>=${from}`
  } else {
    from = `>=${from}${incPr ? '-0' : ''}`
  }

  if (isX(tM)) {
    to = ''
  } else if (isX(tm)) {
    to = `<${+tM + 1}.0.0-0`
  } else if (isX(tp)) {
    to = `<${tM}.${+tm + 1}.0-0`
  } else if (tpr) {
    to = `<=${tM}.${tm}.${tp}-${tpr}`
  } else if (incPr) {
    to = `<${tM}.${tm}.${+tp + 1}-0`
  } else {
    to = `<=${to}`
  }

  return `${from} ${to}`.trim()
}

const testSet = (set, version, options) => {
  for (let i = 0; i < set.length; i++) {
    if (!set[i].test(version)) {
      return false
    }
  }

  if (version.prerelease.length && !options.includePrerelease) {
    // Find the set of versions that are allowed to have prereleases
    // For example, ^1.2.3-pr.1 desugars to >=1.2.3-pr.1 <2.0.0
    // That should allow `1.2.3-pr.2` to pass.
    // However, `1.2.4-alpha.notready` should NOT be allowed,
    // even though it's within the range set by the comparators.
    for (let i = 0; i < set.length; i++) {
      debug(set[i].semver)
      if (set[i].semver === Comparator.ANY) {
        continue
      }

      if (set[i].semver.prerelease.length > 0) {
        const allowed = set[i].semver
        if (allowed.major === version.major &&
            allowed.minor === version.minor &&
            allowed.patch === version.patch) {
          return true
        }
      }
    }

    // Version has a -pre, but it's not one of the ones we like.
    return false
  }

  return true
}


/***/ }),

/***/ 7163:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const debug = __nccwpck_require__(1159)
const { MAX_LENGTH, MAX_SAFE_INTEGER } = __nccwpck_require__(5101)
const { safeRe: re, t } = __nccwpck_require__(5471)

const parseOptions = __nccwpck_require__(356)
const { compareIdentifiers } = __nccwpck_require__(3348)

const isPrereleaseIdentifier = (prerelease, identifier) => {
  const identifiers = identifier.split('.')
  if (identifiers.length > prerelease.length) {
    return false
  }

  for (let i = 0; i < identifiers.length; i++) {
    if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
      return false
    }
  }

  return true
}

class SemVer {
  constructor (version, options) {
    options = parseOptions(options)

    if (version instanceof SemVer) {
      if (version.loose === !!options.loose &&
        version.includePrerelease === !!options.includePrerelease) {
        return version
      } else {
        version = version.version
      }
    } else if (typeof version !== 'string') {
      throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`)
    }

    if (version.length > MAX_LENGTH) {
      throw new TypeError(
        `version is longer than ${MAX_LENGTH} characters`
      )
    }

    debug('SemVer', version, options)
    this.options = options
    this.loose = !!options.loose
    // this isn't actually relevant for versions, but keep it so that we
    // don't run into trouble passing this.options around.
    this.includePrerelease = !!options.includePrerelease

    const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL])

    if (!m) {
      throw new TypeError(`Invalid Version: ${version}`)
    }

    this.raw = version

    // these are actually numbers
    this.major = +m[1]
    this.minor = +m[2]
    this.patch = +m[3]

    if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
      throw new TypeError('Invalid major version')
    }

    if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
      throw new TypeError('Invalid minor version')
    }

    if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
      throw new TypeError('Invalid patch version')
    }

    // numberify any prerelease numeric ids
    if (!m[4]) {
      this.prerelease = []
    } else {
      this.prerelease = m[4].split('.').map((id) => {
        if (/^[0-9]+$/.test(id)) {
          const num = +id
          if (num >= 0 && num < MAX_SAFE_INTEGER) {
            return num
          }
        }
        return id
      })
    }

    this.build = m[5] ? m[5].split('.') : []
    this.format()
  }

  format () {
    this.version = `${this.major}.${this.minor}.${this.patch}`
    if (this.prerelease.length) {
      this.version += `-${this.prerelease.join('.')}`
    }
    return this.version
  }

  toString () {
    return this.version
  }

  compare (other) {
    debug('SemVer.compare', this.version, this.options, other)
    if (!(other instanceof SemVer)) {
      if (typeof other === 'string' && other === this.version) {
        return 0
      }
      other = new SemVer(other, this.options)
    }

    if (other.version === this.version) {
      return 0
    }

    return this.compareMain(other) || this.comparePre(other)
  }

  compareMain (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    if (this.major < other.major) {
      return -1
    }
    if (this.major > other.major) {
      return 1
    }
    if (this.minor < other.minor) {
      return -1
    }
    if (this.minor > other.minor) {
      return 1
    }
    if (this.patch < other.patch) {
      return -1
    }
    if (this.patch > other.patch) {
      return 1
    }
    return 0
  }

  comparePre (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    // NOT having a prerelease is > having one
    if (this.prerelease.length && !other.prerelease.length) {
      return -1
    } else if (!this.prerelease.length && other.prerelease.length) {
      return 1
    } else if (!this.prerelease.length && !other.prerelease.length) {
      return 0
    }

    let i = 0
    do {
      const a = this.prerelease[i]
      const b = other.prerelease[i]
      debug('prerelease compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  compareBuild (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    let i = 0
    do {
      const a = this.build[i]
      const b = other.build[i]
      debug('build compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  // preminor will bump the version up to the next minor release, and immediately
  // down to pre-release. premajor and prepatch work the same way.
  inc (release, identifier, identifierBase) {
    if (release.startsWith('pre')) {
      if (!identifier && identifierBase === false) {
        throw new Error('invalid increment argument: identifier is empty')
      }
      // Avoid an invalid semver results
      if (identifier) {
        const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE])
        if (!match || match[1] !== identifier) {
          throw new Error(`invalid identifier: ${identifier}`)
        }
      }
    }

    switch (release) {
      case 'premajor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor = 0
        this.major++
        this.inc('pre', identifier, identifierBase)
        break
      case 'preminor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor++
        this.inc('pre', identifier, identifierBase)
        break
      case 'prepatch':
        // If this is already a prerelease, it will bump to the next version
        // drop any prereleases that might already exist, since they are not
        // relevant at this point.
        this.prerelease.length = 0
        this.inc('patch', identifier, identifierBase)
        this.inc('pre', identifier, identifierBase)
        break
      // If the input is a non-prerelease version, this acts the same as
      // prepatch.
      case 'prerelease':
        if (this.prerelease.length === 0) {
          this.inc('patch', identifier, identifierBase)
        }
        this.inc('pre', identifier, identifierBase)
        break
      case 'release':
        if (this.prerelease.length === 0) {
          throw new Error(`version ${this.raw} is not a prerelease`)
        }
        this.prerelease.length = 0
        break

      case 'major':
        // If this is a pre-major version, bump up to the same major version.
        // Otherwise increment major.
        // 1.0.0-5 bumps to 1.0.0
        // 1.1.0 bumps to 2.0.0
        if (
          this.minor !== 0 ||
          this.patch !== 0 ||
          this.prerelease.length === 0
        ) {
          this.major++
        }
        this.minor = 0
        this.patch = 0
        this.prerelease = []
        break
      case 'minor':
        // If this is a pre-minor version, bump up to the same minor version.
        // Otherwise increment minor.
        // 1.2.0-5 bumps to 1.2.0
        // 1.2.1 bumps to 1.3.0
        if (this.patch !== 0 || this.prerelease.length === 0) {
          this.minor++
        }
        this.patch = 0
        this.prerelease = []
        break
      case 'patch':
        // If this is not a pre-release version, it will increment the patch.
        // If it is a pre-release it will bump up to the same patch version.
        // 1.2.0-5 patches to 1.2.0
        // 1.2.0 patches to 1.2.1
        if (this.prerelease.length === 0) {
          this.patch++
        }
        this.prerelease = []
        break
      // This probably shouldn't be used publicly.
      // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
      case 'pre': {
        const base = Number(identifierBase) ? 1 : 0

        if (this.prerelease.length === 0) {
          this.prerelease = [base]
        } else {
          let i = this.prerelease.length
          while (--i >= 0) {
            if (typeof this.prerelease[i] === 'number') {
              this.prerelease[i]++
              i = -2
            }
          }
          if (i === -1) {
            // didn't increment anything
            if (identifier === this.prerelease.join('.') && identifierBase === false) {
              throw new Error('invalid increment argument: identifier already exists')
            }
            this.prerelease.push(base)
          }
        }
        if (identifier) {
          // 1.2.0-beta.1 bumps to 1.2.0-beta.2,
          // 1.2.0-beta.fooblz or 1.2.0-beta bumps to 1.2.0-beta.0
          let prerelease = [identifier, base]
          if (identifierBase === false) {
            prerelease = [identifier]
          }
          if (isPrereleaseIdentifier(this.prerelease, identifier)) {
            const prereleaseBase = this.prerelease[identifier.split('.').length]
            if (isNaN(prereleaseBase)) {
              this.prerelease = prerelease
            }
          } else {
            this.prerelease = prerelease
          }
        }
        break
      }
      default:
        throw new Error(`invalid increment argument: ${release}`)
    }
    this.raw = this.format()
    if (this.build.length) {
      this.raw += `+${this.build.join('.')}`
    }
    return this
  }
}

module.exports = SemVer


/***/ }),

/***/ 1799:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const clean = (version, options) => {
  const s = parse(version.trim().replace(/^[=v]+/, ''), options)
  return s ? s.version : null
}
module.exports = clean


/***/ }),

/***/ 8646:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const eq = __nccwpck_require__(5082)
const neq = __nccwpck_require__(4974)
const gt = __nccwpck_require__(6599)
const gte = __nccwpck_require__(1236)
const lt = __nccwpck_require__(3872)
const lte = __nccwpck_require__(6717)

const cmp = (a, op, b, loose) => {
  switch (op) {
    case '===':
      if (typeof a === 'object') {
        a = a.version
      }
      if (typeof b === 'object') {
        b = b.version
      }
      return a === b

    case '!==':
      if (typeof a === 'object') {
        a = a.version
      }
      if (typeof b === 'object') {
        b = b.version
      }
      return a !== b

    case '':
    case '=':
    case '==':
      return eq(a, b, loose)

    case '!=':
      return neq(a, b, loose)

    case '>':
      return gt(a, b, loose)

    case '>=':
      return gte(a, b, loose)

    case '<':
      return lt(a, b, loose)

    case '<=':
      return lte(a, b, loose)

    default:
      throw new TypeError(`Invalid operator: ${op}`)
  }
}
module.exports = cmp


/***/ }),

/***/ 5385:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const parse = __nccwpck_require__(6353)
const { safeRe: re, t } = __nccwpck_require__(5471)

const coerce = (version, options) => {
  if (version instanceof SemVer) {
    return version
  }

  if (typeof version === 'number') {
    version = String(version)
  }

  if (typeof version !== 'string') {
    return null
  }

  options = options || {}

  let match = null
  if (!options.rtl) {
    match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE])
  } else {
    // Find the right-most coercible string that does not share
    // a terminus with a more left-ward coercible string.
    // Eg, '1.2.3.4' wants to coerce '2.3.4', not '3.4' or '4'
    // With includePrerelease option set, '1.2.3.4-rc' wants to coerce '2.3.4-rc', not '2.3.4'
    //
    // Walk through the string checking with a /g regexp
    // Manually set the index so as to pick up overlapping matches.
    // Stop when we get a match that ends at the string end, since no
    // coercible string can be more right-ward without the same terminus.
    const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL]
    let next
    while ((next = coerceRtlRegex.exec(version)) &&
        (!match || match.index + match[0].length !== version.length)
    ) {
      if (!match ||
            next.index + next[0].length !== match.index + match[0].length) {
        match = next
      }
      coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length
    }
    // leave it in a clean state
    coerceRtlRegex.lastIndex = -1
  }

  if (match === null) {
    return null
  }

  const major = match[2]
  const minor = match[3] || '0'
  const patch = match[4] || '0'
  const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : ''
  const build = options.includePrerelease && match[6] ? `+${match[6]}` : ''

  return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options)
}
module.exports = coerce


/***/ }),

/***/ 7648:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const compareBuild = (a, b, loose) => {
  const versionA = new SemVer(a, loose)
  const versionB = new SemVer(b, loose)
  return versionA.compare(versionB) || versionA.compareBuild(versionB)
}
module.exports = compareBuild


/***/ }),

/***/ 6874:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const compareLoose = (a, b) => compare(a, b, true)
module.exports = compareLoose


/***/ }),

/***/ 8469:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const compare = (a, b, loose) =>
  new SemVer(a, loose).compare(new SemVer(b, loose))

module.exports = compare


/***/ }),

/***/ 711:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)

const diff = (version1, version2) => {
  const v1 = parse(version1, null, true)
  const v2 = parse(version2, null, true)
  const comparison = v1.compare(v2)

  if (comparison === 0) {
    return null
  }

  const v1Higher = comparison > 0
  const highVersion = v1Higher ? v1 : v2
  const lowVersion = v1Higher ? v2 : v1
  const highHasPre = !!highVersion.prerelease.length
  const lowHasPre = !!lowVersion.prerelease.length

  if (lowHasPre && !highHasPre) {
    // Going from prerelease -> no prerelease requires some special casing

    // If the low version has only a major, then it will always be a major
    // Some examples:
    // 1.0.0-1 -> 1.0.0
    // 1.0.0-1 -> 1.1.1
    // 1.0.0-1 -> 2.0.0
    if (!lowVersion.patch && !lowVersion.minor) {
      return 'major'
    }

    // If the main part has no difference
    if (lowVersion.compareMain(highVersion) === 0) {
      if (lowVersion.minor && !lowVersion.patch) {
        return 'minor'
      }
      return 'patch'
    }
  }

  // add the `pre` prefix if we are going to a prerelease version
  const prefix = highHasPre ? 'pre' : ''

  if (v1.major !== v2.major) {
    return prefix + 'major'
  }

  if (v1.minor !== v2.minor) {
    return prefix + 'minor'
  }

  if (v1.patch !== v2.patch) {
    return prefix + 'patch'
  }

  // high and low are prereleases
  return 'prerelease'
}

module.exports = diff


/***/ }),

/***/ 5082:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const eq = (a, b, loose) => compare(a, b, loose) === 0
module.exports = eq


/***/ }),

/***/ 6599:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const gt = (a, b, loose) => compare(a, b, loose) > 0
module.exports = gt


/***/ }),

/***/ 1236:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const gte = (a, b, loose) => compare(a, b, loose) >= 0
module.exports = gte


/***/ }),

/***/ 2338:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)

const inc = (version, release, options, identifier, identifierBase) => {
  if (typeof (options) === 'string') {
    identifierBase = identifier
    identifier = options
    options = undefined
  }

  try {
    return new SemVer(
      version instanceof SemVer ? version.version : version,
      options
    ).inc(release, identifier, identifierBase).version
  } catch (er) {
    return null
  }
}
module.exports = inc


/***/ }),

/***/ 3872:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const lt = (a, b, loose) => compare(a, b, loose) < 0
module.exports = lt


/***/ }),

/***/ 6717:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const lte = (a, b, loose) => compare(a, b, loose) <= 0
module.exports = lte


/***/ }),

/***/ 8511:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const major = (a, loose) => new SemVer(a, loose).major
module.exports = major


/***/ }),

/***/ 2603:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const minor = (a, loose) => new SemVer(a, loose).minor
module.exports = minor


/***/ }),

/***/ 4974:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const neq = (a, b, loose) => compare(a, b, loose) !== 0
module.exports = neq


/***/ }),

/***/ 6353:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const parse = (version, options, throwErrors = false) => {
  if (version instanceof SemVer) {
    return version
  }
  try {
    return new SemVer(version, options)
  } catch (er) {
    if (!throwErrors) {
      return null
    }
    throw er
  }
}

module.exports = parse


/***/ }),

/***/ 8756:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const patch = (a, loose) => new SemVer(a, loose).patch
module.exports = patch


/***/ }),

/***/ 5714:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const prerelease = (version, options) => {
  const parsed = parse(version, options)
  return (parsed && parsed.prerelease.length) ? parsed.prerelease : null
}
module.exports = prerelease


/***/ }),

/***/ 2173:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const rcompare = (a, b, loose) => compare(b, a, loose)
module.exports = rcompare


/***/ }),

/***/ 7192:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compareBuild = __nccwpck_require__(7648)
const rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose))
module.exports = rsort


/***/ }),

/***/ 8011:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const satisfies = (version, range, options) => {
  try {
    range = new Range(range, options)
  } catch (er) {
    return false
  }
  return range.test(version)
}
module.exports = satisfies


/***/ }),

/***/ 9872:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compareBuild = __nccwpck_require__(7648)
const sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose))
module.exports = sort


/***/ }),

/***/ 6114:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const constants = __nccwpck_require__(5101)
const SemVer = __nccwpck_require__(7163)

const truncate = (version, truncation, options) => {
  if (!constants.RELEASE_TYPES.includes(truncation)) {
    return null
  }

  const clonedVersion = cloneInputVersion(version, options)
  return clonedVersion && doTruncation(clonedVersion, truncation)
}

const cloneInputVersion = (version, options) => {
  const versionStringToParse = (
    version instanceof SemVer ? version.version : version
  )

  return parse(versionStringToParse, options)
}

const doTruncation = (version, truncation) => {
  if (isPrerelease(truncation)) {
    return version.version
  }

  version.prerelease = []

  switch (truncation) {
    case 'major':
      version.minor = 0
      version.patch = 0
      break
    case 'minor':
      version.patch = 0
      break
  }

  return version.format()
}

const isPrerelease = (type) => {
  return type.startsWith('pre')
}

module.exports = truncate


/***/ }),

/***/ 8780:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const valid = (version, options) => {
  const v = parse(version, options)
  return v ? v.version : null
}
module.exports = valid


/***/ }),

/***/ 2088:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// just pre-load all the stuff that index.js lazily exports
const internalRe = __nccwpck_require__(5471)
const constants = __nccwpck_require__(5101)
const SemVer = __nccwpck_require__(7163)
const identifiers = __nccwpck_require__(3348)
const parse = __nccwpck_require__(6353)
const valid = __nccwpck_require__(8780)
const clean = __nccwpck_require__(1799)
const inc = __nccwpck_require__(2338)
const diff = __nccwpck_require__(711)
const major = __nccwpck_require__(8511)
const minor = __nccwpck_require__(2603)
const patch = __nccwpck_require__(8756)
const prerelease = __nccwpck_require__(5714)
const compare = __nccwpck_require__(8469)
const rcompare = __nccwpck_require__(2173)
const compareLoose = __nccwpck_require__(6874)
const compareBuild = __nccwpck_require__(7648)
const sort = __nccwpck_require__(9872)
const rsort = __nccwpck_require__(7192)
const gt = __nccwpck_require__(6599)
const lt = __nccwpck_require__(3872)
const eq = __nccwpck_require__(5082)
const neq = __nccwpck_require__(4974)
const gte = __nccwpck_require__(1236)
const lte = __nccwpck_require__(6717)
const cmp = __nccwpck_require__(8646)
const coerce = __nccwpck_require__(5385)
const truncate = __nccwpck_require__(6114)
const Comparator = __nccwpck_require__(9379)
const Range = __nccwpck_require__(6782)
const satisfies = __nccwpck_require__(8011)
const toComparators = __nccwpck_require__(4750)
const maxSatisfying = __nccwpck_require__(3193)
const minSatisfying = __nccwpck_require__(8595)
const minVersion = __nccwpck_require__(1866)
const validRange = __nccwpck_require__(4737)
const outside = __nccwpck_require__(280)
const gtr = __nccwpck_require__(2276)
const ltr = __nccwpck_require__(5213)
const intersects = __nccwpck_require__(3465)
const simplifyRange = __nccwpck_require__(2028)
const subset = __nccwpck_require__(1489)
module.exports = {
  parse,
  valid,
  clean,
  inc,
  diff,
  major,
  minor,
  patch,
  prerelease,
  compare,
  rcompare,
  compareLoose,
  compareBuild,
  sort,
  rsort,
  gt,
  lt,
  eq,
  neq,
  gte,
  lte,
  cmp,
  coerce,
  truncate,
  Comparator,
  Range,
  satisfies,
  toComparators,
  maxSatisfying,
  minSatisfying,
  minVersion,
  validRange,
  outside,
  gtr,
  ltr,
  intersects,
  simplifyRange,
  subset,
  SemVer,
  re: internalRe.re,
  src: internalRe.src,
  tokens: internalRe.t,
  SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
  RELEASE_TYPES: constants.RELEASE_TYPES,
  compareIdentifiers: identifiers.compareIdentifiers,
  rcompareIdentifiers: identifiers.rcompareIdentifiers,
}


/***/ }),

/***/ 5101:
/***/ ((module) => {



// Note: this is the semver.org version of the spec that it implements
// Not necessarily the package version of this code.
const SEMVER_SPEC_VERSION = '2.0.0'

const MAX_LENGTH = 256
const MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER ||
/* istanbul ignore next */ 9007199254740991

// Max safe segment length for coercion.
const MAX_SAFE_COMPONENT_LENGTH = 16

// Max safe length for a build identifier. The max length minus 6 characters for
// the shortest version with a build 0.0.0+BUILD.
const MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6

// ECMAScript whitespace and line terminators matched by \s.
const WHITESPACE_CHARACTERS = [
  '\t',
  '\n',
  '\v',
  '\f',
  '\r',
  ' ',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
]

const RELEASE_TYPES = [
  'major',
  'premajor',
  'minor',
  'preminor',
  'patch',
  'prepatch',
  'prerelease',
]

module.exports = {
  MAX_LENGTH,
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_SAFE_INTEGER,
  WHITESPACE_CHARACTERS,
  RELEASE_TYPES,
  SEMVER_SPEC_VERSION,
  FLAG_INCLUDE_PRERELEASE: 0b001,
  FLAG_LOOSE: 0b010,
}


/***/ }),

/***/ 1159:
/***/ ((module) => {



const debug = (
  typeof process === 'object' &&
  process.env &&
  process.env.NODE_DEBUG &&
  /\bsemver\b/i.test(process.env.NODE_DEBUG)
) ? (...args) => console.error('SEMVER', ...args)
  : () => {}

module.exports = debug


/***/ }),

/***/ 3348:
/***/ ((module) => {



const numeric = /^[0-9]+$/
const compareIdentifiers = (a, b) => {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b ? 0 : a < b ? -1 : 1
  }

  const anum = numeric.test(a)
  const bnum = numeric.test(b)

  if (anum && bnum) {
    a = +a
    b = +b
  }

  return a === b ? 0
    : (anum && !bnum) ? -1
    : (bnum && !anum) ? 1
    : a < b ? -1
    : 1
}

const rcompareIdentifiers = (a, b) => compareIdentifiers(b, a)

module.exports = {
  compareIdentifiers,
  rcompareIdentifiers,
}


/***/ }),

/***/ 1383:
/***/ ((module) => {



class LRUCache {
  constructor () {
    this.max = 1000
    this.map = new Map()
  }

  get (key) {
    const value = this.map.get(key)
    if (value === undefined) {
      return undefined
    } else {
      // Remove the key from the map and add it to the end
      this.map.delete(key)
      this.map.set(key, value)
      return value
    }
  }

  delete (key) {
    return this.map.delete(key)
  }

  set (key, value) {
    const deleted = this.delete(key)

    if (!deleted && value !== undefined) {
      // If cache is full, delete the least recently used item
      if (this.map.size >= this.max) {
        const firstKey = this.map.keys().next().value
        this.delete(firstKey)
      }

      this.map.set(key, value)
    }

    return this
  }
}

module.exports = LRUCache


/***/ }),

/***/ 356:
/***/ ((module) => {



// parse out just the options we care about
const looseOption = Object.freeze({ loose: true })
const emptyOpts = Object.freeze({ })
const parseOptions = options => {
  if (!options) {
    return emptyOpts
  }

  if (typeof options !== 'object') {
    return looseOption
  }

  return options
}
module.exports = parseOptions


/***/ }),

/***/ 5471:
/***/ ((module, exports, __nccwpck_require__) => {



const {
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_LENGTH,
} = __nccwpck_require__(5101)
const debug = __nccwpck_require__(1159)
exports = module.exports = {}

// The actual regexps go on exports.re
const re = exports.re = []
const safeRe = exports.safeRe = []
const src = exports.src = []
const safeSrc = exports.safeSrc = []
const t = exports.t = {}
let R = 0

const LETTERDASHNUMBER = '[a-zA-Z0-9-]'

// Replace some greedy regex tokens to prevent regex dos issues. These regex are
// used internally via the safeRe object since all inputs in this library get
// normalized first to trim and collapse all extra whitespace. The original
// regexes are exported for userland consumption and lower level usage. A
// future breaking change could export the safer regex only with a note that
// all input should have extra whitespace removed.
const safeRegexReplacements = [
  ['\\s', 1],
  ['\\d', MAX_LENGTH],
  [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH],
]

const makeSafeRegex = (value) => {
  for (const [token, max] of safeRegexReplacements) {
    value = value
      .split(`${token}*`).join(`${token}{0,${max}}`)
      .split(`${token}+`).join(`${token}{1,${max}}`)
  }
  return value
}

const createToken = (name, value, isGlobal) => {
  const safe = makeSafeRegex(value)
  const index = R++
  debug(name, index, value)
  t[name] = index
  src[index] = value
  safeSrc[index] = safe
  re[index] = new RegExp(value, isGlobal ? 'g' : undefined)
  safeRe[index] = new RegExp(safe, isGlobal ? 'g' : undefined)
}

// The following Regular Expressions can be used for tokenizing,
// validating, and parsing SemVer version strings.

// ## Numeric Identifier
// A single `0`, or a non-zero digit followed by zero or more digits.

createToken('NUMERICIDENTIFIER', '0|[1-9]\\d*')
createToken('NUMERICIDENTIFIERLOOSE', '\\d+')

// ## Non-numeric Identifier
// Zero or more digits, followed by a letter or hyphen, and then zero or
// more letters, digits, or hyphens.

createToken('NONNUMERICIDENTIFIER', `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`)

// ## Main Version
// Three dot-separated numeric identifiers.

createToken('MAINVERSION', `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})`)

createToken('MAINVERSIONLOOSE', `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version Identifier
// A numeric identifier, or a non-numeric identifier.
// Non-numeric identifiers include numeric identifiers but can be longer.
// Therefore non-numeric identifiers must go first.

createToken('PRERELEASEIDENTIFIER', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIER]})`)

createToken('PRERELEASEIDENTIFIERLOOSE', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version
// Hyphen, followed by one or more dot-separated pre-release version
// identifiers.

createToken('PRERELEASE', `(?:-(${src[t.PRERELEASEIDENTIFIER]
}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`)

createToken('PRERELEASELOOSE', `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]
}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`)

// ## Build Metadata Identifier
// Any combination of digits, letters, or hyphens.

createToken('BUILDIDENTIFIER', `${LETTERDASHNUMBER}+`)

// ## Build Metadata
// Plus sign, followed by one or more period-separated build metadata
// identifiers.

createToken('BUILD', `(?:\\+(${src[t.BUILDIDENTIFIER]
}(?:\\.${src[t.BUILDIDENTIFIER]})*))`)

// ## Full Version String
// A main version, followed optionally by a pre-release version and
// build metadata.

// Note that the only major, minor, patch, and pre-release sections of
// the version string are capturing groups.  The build metadata is not a
// capturing group, because it should not ever be used in version
// comparison.

createToken('FULLPLAIN', `v?${src[t.MAINVERSION]
}${src[t.PRERELEASE]}?${
  src[t.BUILD]}?`)

createToken('FULL', `^${src[t.FULLPLAIN]}$`)

// like full, but allows v1.2.3 and =1.2.3, which people do sometimes.
// also, 1.0.0alpha1 (prerelease without the hyphen) which is pretty
// common in the npm registry.
createToken('LOOSEPLAIN', `[v=\\s]*${src[t.MAINVERSIONLOOSE]
}${src[t.PRERELEASELOOSE]}?${
  src[t.BUILD]}?`)

createToken('LOOSE', `^${src[t.LOOSEPLAIN]}$`)

createToken('GTLT', '((?:<|>)?=?)')

// Something like "2.*" or "1.2.x".
// Note that "x.x" is a valid xRange identifier, meaning "any version"
// Only the first item is strictly required.
createToken('XRANGEIDENTIFIERLOOSE', `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`)
createToken('XRANGEIDENTIFIER', `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`)

createToken('XRANGEPLAIN', `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:${src[t.PRERELEASE]})?${
                     src[t.BUILD]}?` +
                   `)?)?`)

createToken('XRANGEPLAINLOOSE', `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:${src[t.PRERELEASELOOSE]})?${
                          src[t.BUILD]}?` +
                        `)?)?`)

createToken('XRANGE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`)
createToken('XRANGELOOSE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`)

// Coercion.
// Extract anything that could conceivably be a part of a valid semver
createToken('COERCEPLAIN', `${'(^|[^\\d])' +
              '(\\d{1,'}${MAX_SAFE_COMPONENT_LENGTH}})` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`)
createToken('COERCE', `${src[t.COERCEPLAIN]}(?:$|[^\\d])`)
createToken('COERCEFULL', src[t.COERCEPLAIN] +
              `(?:${src[t.PRERELEASE]})?` +
              `(?:${src[t.BUILD]})?` +
              `(?:$|[^\\d])`)
createToken('COERCERTL', src[t.COERCE], true)
createToken('COERCERTLFULL', src[t.COERCEFULL], true)

// Tilde ranges.
// Meaning is "reasonably at or greater than"
createToken('LONETILDE', '(?:~>?)')

createToken('TILDETRIM', `(\\s*)${src[t.LONETILDE]}\\s+`, true)
exports.tildeTrimReplace = '$1~'

createToken('TILDE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`)
createToken('TILDELOOSE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`)

// Caret ranges.
// Meaning is "at least and backwards compatible with"
createToken('LONECARET', '(?:\\^)')

createToken('CARETTRIM', `(\\s*)${src[t.LONECARET]}\\s+`, true)
exports.caretTrimReplace = '$1^'

createToken('CARET', `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`)
createToken('CARETLOOSE', `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`)

// A simple gt/lt/eq thing, or just "" to indicate "any version"
createToken('COMPARATORLOOSE', `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`)
createToken('COMPARATOR', `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`)

// An expression to strip any whitespace between the gtlt and the thing
// it modifies, so that `> 1.2.3` ==> `>1.2.3`
createToken('COMPARATORTRIM', `(\\s*)${src[t.GTLT]
}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true)
exports.comparatorTrimReplace = '$1$2$3'

// Something like `1.2.3 - 1.2.4`
// Note that these all use the loose form, because they'll be
// checked against either the strict or loose comparator form
// later.
createToken('HYPHENRANGE', `^\\s*(${src[t.XRANGEPLAIN]})` +
                   `\\s+-\\s+` +
                   `(${src[t.XRANGEPLAIN]})` +
                   `\\s*$`)

createToken('HYPHENRANGELOOSE', `^\\s*(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s+-\\s+` +
                        `(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s*$`)

// Star ranges basically just allow anything at all.
createToken('STAR', '(<|>)?=?\\s*\\*')
// >=0.0.0 is like a star
createToken('GTE0', '^\\s*>=\\s*0\\.0\\.0\\s*$')
createToken('GTE0PRE', '^\\s*>=\\s*0\\.0\\.0-0\\s*$')


/***/ }),

/***/ 9737:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

// @ts-check


// Reproduce safeRe[COMPARATORTRIM] replacement boundaries, not version
// validation. Each end-index finder returns an exclusive end, or its start
// on no match.
// Positions count from zero. An end of 3 means characters 0, 1, and 2 were read;
// range.slice(start, end) gives the matched text, not a converted number.
const {
  MAX_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  WHITESPACE_CHARACTERS,
} = __nccwpck_require__(5101)

/**
 * Remembers the last two rows of digits so their characters need not be reread.
 * Positions start at -1 until a row has been found.
 *
 * @typedef {object} DigitRunCache
 * @property {number} start The first character of the most recently found row.
 * @property {number} end The position after that row's last character.
 * @property {number} previousStart The first character of the previous row.
 * @property {number} previousEnd The position after the previous row.
 */

// One entry per UTF-16 code unit keeps membership checks constant-time.
const whitespace = new Uint8Array(0x10000)
for (const char of WHITESPACE_CHARACTERS) {
  whitespace[char.charCodeAt(0)] = 1
}

/**
 * Checks whether a character is whitespace, like a space, tab, or newline.
 * Looking past the end of the string returns false.
 *
 * @param {string|undefined} char One character, or undefined past the string's end.
 * @returns {boolean} Whether the character is whitespace.
 * @example isWhitespace(' ') // true
 * @example isWhitespace('1') // false
 */
const isWhitespace = char =>
  char !== undefined && whitespace[char.charCodeAt(0)] === 1

/**
 * Checks for v, =, or whitespace before the version number.
 * These are historical version prefixes, not range operators:
 * < and > are handled separately, as are tilde and caret ranges.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character can belong to a version prefix.
 * @example isVersionPrefix('=') // true
 * @example isVersionPrefix('>') // false
 */
const isVersionPrefix = char =>
  char === 'v' ||
  char === '=' ||
  isWhitespace(char)

/**
 * Checks whether a character is one of the digits 0 through 9.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character is an ASCII digit.
 * @example isDigit('7') // true
 * @example isDigit('.') // false
 */
const isDigit = char => char !== undefined && char >= '0' && char <= '9'

/**
 * Checks whether a character is an English letter, uppercase or lowercase.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character is an ASCII letter.
 * @example isLetter('b') // true
 * @example isLetter('7') // false
 */
const isLetter = char =>
  char !== undefined && (
    (char >= 'a' && char <= 'z') ||
    (char >= 'A' && char <= 'Z')
  )

/**
 * Checks for a letter, digit, or hyphen: the characters allowed inside
 * prerelease and build names such as beta-1.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character can be part of an identifier.
 * @example isIdentifierCharacter('-') // true
 * @example isIdentifierCharacter('.') // false; dots separate identifiers
 */
const isIdentifierCharacter = char => isDigit(char) || isLetter(char) || char === '-'

/**
 * Checks whether a version component can begin here: with a digit or
 * a wildcard such as x, X, or *.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether a number or wildcard can start with this character.
 * @example isVersionStart('x') // true
 * @example isVersionStart('v') // false; v belongs to the prefix
 */
const isVersionStart = char =>
  isDigit(char) ||
  char === 'x' ||
  char === 'X' ||
  char === '*'

/**
 * Finds the end of a row of digits, but returns no more than limit digits.
 * Remembers the last two rows so looking at them again does not reread them.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of the first character to check.
 * @param {number} limit The most digit characters the returned match can include.
 * @param {DigitRunCache} digitRuns Shared cache of digit-run positions, updated in place.
 * @returns {number} The position after the matched digits, or start if none match.
 * @example findDigitsEndIndex('123abc', 0, 10, digitRuns) // 3, pointing at a
 * @example findDigitsEndIndex('123abc', 0, 2, digitRuns) // 2, pointing at the unread 3
 */
const findDigitsEndIndex = (range, start, limit, digitRuns) => {
  if (!isDigit(range[start])) {
    return start
  }
  if (start >= digitRuns.start && start < digitRuns.end) {
    return Math.min(start + limit, digitRuns.end)
  }
  if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
    return Math.min(start + limit, digitRuns.previousEnd)
  }
  let end = start + 1
  while (isDigit(range[end])) {
    end++
  }
  // A failed full version can rewind from its second run to its first.
  digitRuns.previousStart = digitRuns.start
  digitRuns.previousEnd = digitRuns.end
  digitRuns.start = start
  digitRuns.end = end
  return Math.min(start + limit, end)
}

/**
 * Reads a number using the old regex's length and leading-zero rules.
 * Strict mode reads just the first zero in 012; loose mode can read all three.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the number should begin.
 * @param {boolean} loose Whether to allow leading zeros.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched digits, not their numeric value.
 * @example findVersionNumberEndIndex('012', 0, false, digitRuns) // 1
 * @example findVersionNumberEndIndex('012', 0, true, digitRuns) // 3
 */
const findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
  if (!loose && range[start] === '0') {
    return start + 1
  }
  // Strict syntax allows an initial nonzero digit plus MAX_LENGTH digits.
  return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns)
}

/**
 * Reads one piece of a prerelease name, such as beta or 1 in beta.1.
 * Tries the letter-or-hyphen form first, then the number-only form.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the identifier should begin.
 * @param {boolean} loose Whether numeric identifiers may have leading zeros.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the identifier, or start if none matches.
 * @example findPrereleaseIdentifierEndIndex('beta.1', 0, false, digitRuns) // 4, at the dot
 * @example findPrereleaseIdentifierEndIndex('001beta', 0, false, digitRuns) // 7
 */
const findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
  const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns)
  // The legacy regex tries a nonnumeric identifier before a numeric one.
  if (isLetter(range[digitsEnd]) || range[digitsEnd] === '-') {
    let end = digitsEnd + 1
    const limit = end + MAX_SAFE_BUILD_LENGTH
    while (end < limit && isIdentifierCharacter(range[end])) {
      end++
    }
    return end
  }
  return findVersionNumberEndIndex(range, start, loose, digitRuns)
}

/**
 * Reads a prerelease suffix such as -beta.1, one dot-separated piece at a time.
 * Loose mode also allows the name without its opening hyphen.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the suffix should begin, including -.
 * @param {boolean} loose Whether the opening hyphen is optional and zeros allowed.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched suffix, or start if absent.
 * @example findPrereleaseEndIndex('-beta.1+sha', 0, false, digitRuns) // 7, at the plus
 * @example findPrereleaseEndIndex('beta', 0, false, digitRuns) // 0; no opening hyphen
 */
const findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
  const hyphen = range[start] === '-'
  if (!loose && !hyphen) {
    return start
  }
  const identifierStart = start + (hyphen ? 1 : 0)
  let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns)
  if (end === identifierStart) {
    if (!loose || !hyphen) {
      return start
    }
    // In loose syntax, a lone hyphen can itself be the identifier.
    end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns)
  }
  while (range[end] === '.') {
    const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

/**
 * Reads one build-name piece, such as sha or 123 in +sha.123.
 * Stops at a disallowed character or the old regex's length limit.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the identifier should begin.
 * @returns {number} The position after the identifier, or start if none matches.
 * @example findBuildIdentifierEndIndex('sha.123', 0) // 3, at the dot
 * @example findBuildIdentifierEndIndex('001', 0) // 3; leading zeros are allowed
 */
const findBuildIdentifierEndIndex = (range, start) => {
  let end = start
  while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
    end++
  }
  return end
}

/**
 * Reads optional build metadata such as +sha.123.
 * Leaves the position unchanged if there is no plus sign followed by a name.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the opening + should be.
 * @returns {number} The position after the matched metadata, or start if absent.
 * @example findBuildEndIndex('+sha.123 <2', 0) // 8, at the space
 * @example findBuildEndIndex('+', 0) // 0; a plus sign alone is not a match
 */
const findBuildEndIndex = (range, start) => {
  if (range[start] !== '+') {
    return start
  }
  let end = findBuildIdentifierEndIndex(range, start + 1)
  if (end === start + 1) {
    return start
  }
  while (range[end] === '.') {
    const next = findBuildIdentifierEndIndex(range, end + 1)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

/**
 * Reads three numbers separated by dots, then any prerelease and build suffixes.
 * Uses loose rules, so forms such as 01.02.03beta can match here.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of the first number, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the version match, or start if none matches.
 * @example findLooseFullVersionEndIndex('1.2.3-beta+sha <2', 0, digitRuns) // 14
 * @example findLooseFullVersionEndIndex('1.2', 0, digitRuns) // 0; needs three numbers
 */
const findLooseFullVersionEndIndex = (range, start, digitRuns) => {
  let end = start
  for (let component = 0; component < 3; component++) {
    const next = findVersionNumberEndIndex(range, end, true, digitRuns)
    if (next === end) {
      return start
    }
    end = next
    if (component < 2) {
      if (range[end] !== '.') {
        return start
      }
      end++
    }
  }
  const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns)
  return findBuildEndIndex(range, prereleaseEnd)
}

/**
 * Reads one component of a partial or wildcard version, such as 2 or x in 2.x.
 * Numbers use strict leading-zero rules; wildcards take up one character.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the component should begin.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the component, or start if none matches.
 * @example findPartialVersionComponentEndIndex('2.x', 0, digitRuns) // 1, at the dot
 * @example findPartialVersionComponentEndIndex('2.x', 2, digitRuns) // 3, after x
 */
const findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
  if (isDigit(range[start])) {
    return findVersionNumberEndIndex(range, start, false, digitRuns)
  }
  return isVersionStart(range[start]) ? start + 1 : start
}

/**
 * Reads up to three components, allowing forms such as 1, 1.2, or 1.x.
 * After the third component, also reads any strict prerelease and build suffixes.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of a number or wildcard, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched version text.
 * @example findPartialVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
 * @example findPartialVersionEndIndex('1.', 0, digitRuns) // 1; the trailing dot is unread
 */
const findPartialVersionEndIndex = (range, start, digitRuns) => {
  let end = findPartialVersionComponentEndIndex(range, start, digitRuns)
  for (let component = 0; component < 2; component++) {
    if (range[end] !== '.') {
      return end
    }
    const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns)
    if (next === end + 1) {
      return end
    }
    end = next
  }
  const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns)
  return findBuildEndIndex(range, prereleaseEnd)
}

/**
 * Finds where a version match ends, without deciding whether the range is valid.
 * Tries a loose full version first, then a partial or wildcard version, just
 * like the old regex's LOOSEPLAIN and XRANGEPLAIN alternatives.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of a number or wildcard, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position where scanning the next candidate can resume.
 * @example findVersionEndIndex('1.2.3 <2', 0, digitRuns) // 5, at the space
 * @example findVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
 */
const findVersionEndIndex = (range, start, digitRuns) => {
  const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns)
  return fullVersionEnd !== start
    ? fullVersionEnd
    : findPartialVersionEndIndex(range, start, digitRuns)
}

/**
 * Finds the one whitespace character the old replacement would remove.
 * Keeps leading whitespace, skips an optional operator, and checks immediately
 * after it. Returns -1 if there is nothing to remove.
 *
 * @param {string} range The text containing a candidate already found by the caller.
 * @param {number} matchStart The candidate's position, including leading whitespace.
 * @returns {number} The position of the removable whitespace, or -1 if absent.
 * @example findRemovableWhitespaceIndex(' > 1', 0) // 2; keep the space at position 0
 * @example findRemovableWhitespaceIndex('>1', 0) // -1
 */
const findRemovableWhitespaceIndex = (range, matchStart) => {
  let position = matchStart
  if (isWhitespace(range[position])) {
    position++
  }
  if (range[position] === '<' || range[position] === '>') {
    position++
  }
  if (range[position] === '=') {
    position++
  }
  return isWhitespace(range[position]) ? position : -1
}

/**
 * Joins an operator to its version, turning > 1.2.3 into >1.2.3.
 * Copies everything else according to the old regex's matching rules.
 * Moves forward through prefixes and whole versions to avoid repeatedly
 * searching the same characters on long inputs.
 *
 * @param {string} range The range text to process; the original string is unchanged.
 * @returns {string} The range with matched operator whitespace removed.
 * @example trimComparatorWhitespace('> 1.2.3 < 2') // '>1.2.3 <2'
 * @example trimComparatorWhitespace('> invalid') // '> invalid'
 */
const trimComparatorWhitespace = range => {
  let result = ''
  let copyFrom = 0
  let cursor = 0
  const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 }

  while (cursor < range.length) {
    const matchStart = cursor
    if (range[cursor] === '<' || range[cursor] === '>') {
      cursor++
    } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
      cursor++
      continue
    }

    // Consume a v/=/whitespace run once, even when no version follows it.
    while (cursor < range.length && isVersionPrefix(range[cursor])) {
      cursor++
    }
    if (!isVersionStart(range[cursor])) {
      continue
    }

    const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart)
    if (whitespacePosition !== -1) {
      result += range.slice(copyFrom, whitespacePosition)
      copyFrom = whitespacePosition + 1
    }

    // Skip the entire match, so a prerelease's trailing v cannot be
    // reconsidered as the prefix of another version.
    cursor = findVersionEndIndex(range, cursor, digitRuns)
  }

  return result + range.slice(copyFrom)
}

module.exports = trimComparatorWhitespace


/***/ }),

/***/ 2276:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// Determine if version is greater than all the versions possible in the range.
const outside = __nccwpck_require__(280)
const gtr = (version, range, options) => outside(version, range, '>', options)
module.exports = gtr


/***/ }),

/***/ 3465:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const intersects = (r1, r2, options) => {
  r1 = new Range(r1, options)
  r2 = new Range(r2, options)
  return r1.intersects(r2, options)
}
module.exports = intersects


/***/ }),

/***/ 5213:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const outside = __nccwpck_require__(280)
// Determine if version is less than all the versions possible in the range
const ltr = (version, range, options) => outside(version, range, '<', options)
module.exports = ltr


/***/ }),

/***/ 3193:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)

const maxSatisfying = (versions, range, options) => {
  let max = null
  let maxSV = null
  let rangeObj = null
  try {
    rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach((v) => {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!max || maxSV.compare(v) === -1) {
        // compare(max, v, true)
        max = v
        maxSV = new SemVer(max, options)
      }
    }
  })
  return max
}
module.exports = maxSatisfying


/***/ }),

/***/ 8595:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)
const minSatisfying = (versions, range, options) => {
  let min = null
  let minSV = null
  let rangeObj = null
  try {
    rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach((v) => {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!min || minSV.compare(v) === 1) {
        // compare(min, v, true)
        min = v
        minSV = new SemVer(min, options)
      }
    }
  })
  return min
}
module.exports = minSatisfying


/***/ }),

/***/ 1866:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)
const gt = __nccwpck_require__(6599)

const minVersion = (range, loose) => {
  range = new Range(range, loose)

  let minver = new SemVer('0.0.0')
  if (range.test(minver)) {
    return minver
  }

  minver = new SemVer('0.0.0-0')
  if (range.test(minver)) {
    return minver
  }

  minver = null
  for (let i = 0; i < range.set.length; ++i) {
    const comparators = range.set[i]

    let setMin = null
    comparators.forEach((comparator) => {
      // Clone to avoid manipulating the comparator's semver object.
      const compver = new SemVer(comparator.semver.version)
      switch (comparator.operator) {
        case '>':
          if (compver.prerelease.length === 0) {
            compver.patch++
          } else {
            compver.prerelease.push(0)
          }
          compver.raw = compver.format()
          /* fallthrough */
        case '':
        case '>=':
          if (!setMin || gt(compver, setMin)) {
            setMin = compver
          }
          break
        case '<':
        case '<=':
          /* Ignore maximum versions */
          break
        /* istanbul ignore next */
        default:
          throw new Error(`Unexpected operation: ${comparator.operator}`)
      }
    })
    if (setMin && (!minver || gt(minver, setMin))) {
      minver = setMin
    }
  }

  if (minver && range.test(minver)) {
    return minver
  }

  return null
}
module.exports = minVersion


/***/ }),

/***/ 280:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Comparator = __nccwpck_require__(9379)
const { ANY } = Comparator
const Range = __nccwpck_require__(6782)
const satisfies = __nccwpck_require__(8011)
const gt = __nccwpck_require__(6599)
const lt = __nccwpck_require__(3872)
const lte = __nccwpck_require__(6717)
const gte = __nccwpck_require__(1236)

const outside = (version, range, hilo, options) => {
  version = new SemVer(version, options)
  range = new Range(range, options)

  let gtfn, ltefn, ltfn, comp, ecomp
  switch (hilo) {
    case '>':
      gtfn = gt
      ltefn = lte
      ltfn = lt
      comp = '>'
      ecomp = '>='
      break
    case '<':
      gtfn = lt
      ltefn = gte
      ltfn = gt
      comp = '<'
      ecomp = '<='
      break
    default:
      throw new TypeError('Must provide a hilo val of "<" or ">"')
  }

  // If it satisfies the range it is not outside
  if (satisfies(version, range, options)) {
    return false
  }

  // From now on, variable terms are as if we're in "gtr" mode.
  // but note that everything is flipped for the "ltr" function.

  for (let i = 0; i < range.set.length; ++i) {
    const comparators = range.set[i]

    let high = null
    let low = null

    comparators.forEach((comparator) => {
      if (comparator.semver === ANY) {
        comparator = new Comparator('>=0.0.0')
      }
      high = high || comparator
      low = low || comparator
      if (gtfn(comparator.semver, high.semver, options)) {
        high = comparator
      } else if (ltfn(comparator.semver, low.semver, options)) {
        low = comparator
      }
    })

    // If the edge version comparator has a operator then our version
    // isn't outside it
    if (high.operator === comp || high.operator === ecomp) {
      return false
    }

    // If the lowest version comparator has an operator and our version
    // is less than it then it isn't higher than the range
    if ((!low.operator || low.operator === comp) &&
        ltefn(version, low.semver)) {
      return false
    } else if (low.operator === ecomp && ltfn(version, low.semver)) {
      return false
    }
  }
  return true
}

module.exports = outside


/***/ }),

/***/ 2028:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// given a set of versions and a range, create a "simplified" range
// that includes the same versions that the original range does
// If the original range is shorter than the simplified one, return that.
const satisfies = __nccwpck_require__(8011)
const compare = __nccwpck_require__(8469)
module.exports = (versions, range, options) => {
  const set = []
  let first = null
  let prev = null
  const v = versions.sort((a, b) => compare(a, b, options))
  for (const version of v) {
    const included = satisfies(version, range, options)
    if (included) {
      prev = version
      if (!first) {
        first = version
      }
    } else {
      if (prev) {
        set.push([first, prev])
      }
      prev = null
      first = null
    }
  }
  if (first) {
    set.push([first, null])
  }

  const ranges = []
  for (const [min, max] of set) {
    if (min === max) {
      ranges.push(min)
    } else if (!max && min === v[0]) {
      ranges.push('*')
    } else if (!max) {
      ranges.push(`>=${min}`)
    } else if (min === v[0]) {
      ranges.push(`<=${max}`)
    } else {
      ranges.push(`${min} - ${max}`)
    }
  }
  const simplified = ranges.join(' || ')
  const original = typeof range.raw === 'string' ? range.raw : String(range)
  return simplified.length < original.length ? simplified : range
}


/***/ }),

/***/ 1489:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const Comparator = __nccwpck_require__(9379)
const { ANY } = Comparator
const satisfies = __nccwpck_require__(8011)
const compare = __nccwpck_require__(8469)

// Complex range `r1 || r2 || ...` is a subset of `R1 || R2 || ...` iff:
// - Every simple range `r1, r2, ...` is a null set, OR
// - Every simple range `r1, r2, ...` which is not a null set is a subset of
//   some `R1, R2, ...`
//
// Simple range `c1 c2 ...` is a subset of simple range `C1 C2 ...` iff:
// - If c is only the ANY comparator
//   - If C is only the ANY comparator, return true
//   - Else if in prerelease mode, return false
//   - else replace c with `[>=0.0.0]`
// - If C is only the ANY comparator
//   - if in prerelease mode, return true
//   - else replace C with `[>=0.0.0]`
// - Let EQ be the set of = comparators in c
// - If EQ is more than one, return true (null set)
// - Let GT be the highest > or >= comparator in c
// - Let LT be the lowest < or <= comparator in c
// - If GT and LT, and GT.semver > LT.semver, return true (null set)
// - If any C is a = range, and GT or LT are set, return false
// - If EQ
//   - If GT, and EQ does not satisfy GT, return true (null set)
//   - If LT, and EQ does not satisfy LT, return true (null set)
//   - If EQ satisfies every C, return true
//   - Else return false
// - If GT
//   - If GT.semver is lower than any > or >= comp in C, return false
//   - If GT is >=, and GT.semver does not satisfy every C, return false
//   - If GT.semver has a prerelease, and not in prerelease mode
//     - If no C has a prerelease and the GT.semver tuple, return false
// - If LT
//   - If LT.semver is greater than any < or <= comp in C, return false
//   - If LT is <=, and LT.semver does not satisfy every C, return false
//   - If LT.semver has a prerelease, and not in prerelease mode
//     - If no C has a prerelease and the LT.semver tuple, return false
// - Else return true

const subset = (sub, dom, options = {}) => {
  if (sub === dom) {
    return true
  }

  sub = new Range(sub, options)
  dom = new Range(dom, options)
  let sawNonNull = false

  OUTER: for (const simpleSub of sub.set) {
    for (const simpleDom of dom.set) {
      const isSub = simpleSubset(simpleSub, simpleDom, options)
      sawNonNull = sawNonNull || isSub !== null
      if (isSub) {
        continue OUTER
      }
    }
    // the null set is a subset of everything, but null simple ranges in
    // a complex range should be ignored.  so if we saw a non-null range,
    // then we know this isn't a subset, but if EVERY simple range was null,
    // then it is a subset.
    if (sawNonNull) {
      return false
    }
  }
  return true
}

const minimumVersionWithPreRelease = [new Comparator('>=0.0.0-0')]
const minimumVersion = [new Comparator('>=0.0.0')]

const simpleSubset = (sub, dom, options) => {
  if (sub === dom) {
    return true
  }

  if (sub.length === 1 && sub[0].semver === ANY) {
    if (dom.length === 1 && dom[0].semver === ANY) {
      return true
    } else if (options.includePrerelease) {
      sub = minimumVersionWithPreRelease
    } else {
      sub = minimumVersion
    }
  }

  if (dom.length === 1 && dom[0].semver === ANY) {
    if (options.includePrerelease) {
      return true
    } else {
      dom = minimumVersion
    }
  }

  const eqSet = new Set()
  let gt, lt
  for (const c of sub) {
    if (c.operator === '>' || c.operator === '>=') {
      gt = higherGT(gt, c, options)
    } else if (c.operator === '<' || c.operator === '<=') {
      lt = lowerLT(lt, c, options)
    } else {
      eqSet.add(c.semver)
    }
  }

  if (eqSet.size > 1) {
    return null
  }

  let gtltComp
  if (gt && lt) {
    gtltComp = compare(gt.semver, lt.semver, options)
    if (gtltComp > 0) {
      return null
    } else if (gtltComp === 0 && (gt.operator !== '>=' || lt.operator !== '<=')) {
      return null
    }
  }

  // will iterate one or zero times
  for (const eq of eqSet) {
    if (gt && !satisfies(eq, String(gt), options)) {
      return null
    }

    if (lt && !satisfies(eq, String(lt), options)) {
      return null
    }

    for (const c of dom) {
      if (!satisfies(eq, String(c), options)) {
        return false
      }
    }

    return true
  }

  let higher, lower
  let hasDomLT, hasDomGT
  // if the subset has a prerelease, we need a comparator in the superset
  // with the same tuple and a prerelease, or it's not a subset
  let needDomLTPre = lt &&
    !options.includePrerelease &&
    lt.semver.prerelease.length ? lt.semver : false
  let needDomGTPre = gt &&
    !options.includePrerelease &&
    gt.semver.prerelease.length ? gt.semver : false
  // exception: <1.2.3-0 is the same as <1.2.3
  if (needDomLTPre && needDomLTPre.prerelease.length === 1 &&
      lt.operator === '<' && needDomLTPre.prerelease[0] === 0) {
    needDomLTPre = false
  }

  for (const c of dom) {
    hasDomGT = hasDomGT || c.operator === '>' || c.operator === '>='
    hasDomLT = hasDomLT || c.operator === '<' || c.operator === '<='
    if (gt) {
      if (needDomGTPre) {
        if (c.semver.prerelease && c.semver.prerelease.length &&
            c.semver.major === needDomGTPre.major &&
            c.semver.minor === needDomGTPre.minor &&
            c.semver.patch === needDomGTPre.patch) {
          needDomGTPre = false
        }
      }
      if (c.operator === '>' || c.operator === '>=') {
        higher = higherGT(gt, c, options)
        if (higher === c && higher !== gt) {
          return false
        }
      } else if (gt.operator === '>=' && !c.test(gt.semver)) {
        return false
      }
    }
    if (lt) {
      if (needDomLTPre) {
        if (c.semver.prerelease && c.semver.prerelease.length &&
            c.semver.major === needDomLTPre.major &&
            c.semver.minor === needDomLTPre.minor &&
            c.semver.patch === needDomLTPre.patch) {
          needDomLTPre = false
        }
      }
      if (c.operator === '<' || c.operator === '<=') {
        lower = lowerLT(lt, c, options)
        if (lower === c && lower !== lt) {
          return false
        }
      } else if (lt.operator === '<=' && !c.test(lt.semver)) {
        return false
      }
    }
    if (!c.operator && (lt || gt) && gtltComp !== 0) {
      return false
    }
  }

  // if there was a < or >, and nothing in the dom, then must be false
  // UNLESS it was limited by another range in the other direction.
  // Eg, >1.0.0 <1.0.1 is still a subset of <2.0.0
  if (gt && hasDomLT && !lt && gtltComp !== 0) {
    return false
  }

  if (lt && hasDomGT && !gt && gtltComp !== 0) {
    return false
  }

  // we needed a prerelease range in a specific tuple, but didn't get one
  // then this isn't a subset.  eg >=1.2.3-pre is not a subset of >=1.0.0,
  // because it includes prereleases in the 1.2.3 tuple
  if (needDomGTPre || needDomLTPre) {
    return false
  }

  return true
}

// >=1.2.3 is lower than >1.2.3
const higherGT = (a, b, options) => {
  if (!a) {
    return b
  }
  const comp = compare(a.semver, b.semver, options)
  return comp > 0 ? a
    : comp < 0 ? b
    : b.operator === '>' && a.operator === '>=' ? b
    : a
}

// <=1.2.3 is higher than <1.2.3
const lowerLT = (a, b, options) => {
  if (!a) {
    return b
  }
  const comp = compare(a.semver, b.semver, options)
  return comp < 0 ? a
    : comp > 0 ? b
    : b.operator === '<' && a.operator === '<=' ? b
    : a
}

module.exports = subset


/***/ }),

/***/ 4750:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)

// Mostly just for testing and legacy API reasons
const toComparators = (range, options) =>
  new Range(range, options).set
    .map(comp => comp.map(c => c.value).join(' ').trim().split(' '))

module.exports = toComparators


/***/ }),

/***/ 4737:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const validRange = (range, options) => {
  try {
    // Return '*' instead of '' so that truthiness works.
    // This will throw if it's invalid anyway
    return new Range(range, options).range || '*'
  } catch (er) {
    return null
  }
}
module.exports = validRange


/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8422:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(436);
// The CLI's entry point (dist/cli.js, `npx sigvec-check`): one call, so that
// loading src/cli.ts, as tests do, runs nothing.

process.exitCode = await (0,_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .i)(process.argv.slice(2));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 436:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// UNUSED EXPORTS: exitCode

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __nccwpck_require__(2088);
;// CONCATENATED MODULE: ./build/src/kernel.js
// Pure parsers of the strings a Linux kernel tells about itself, and the
// upstream facts about which kernel levels carry the AVX signal-stack bug.
// Levels are compared with semver; docs/bug.md gives the sources.

/**
 * Upstream levels with the bug: every 5.2 (never fixed), 5.3.0–5.3.14 and
 * 5.4.0–5.4.1. Sources: kernel commit 59c4bd853abc ("x86/fpu: Don't cache
 * access to fpu_fpregs_owner_ctx"), kernel bugzilla 205663, the Go wiki's
 * LinuxKernelSignalVectorBug page.
 */
const AFFECTED_RANGE = '>=5.2.0 <5.3.15 || >=5.4.0 <5.4.2';
/** AFFECTED_RANGE as people read it. */
const AFFECTED_LEVELS_TEXT = '5.2.x, 5.3.0–5.3.14, 5.4.0–5.4.1';
/** The first fixed level of each fixed series (both of 2019-12-05). */
const FIXED_LEVELS = ['5.3.15', '5.4.2'];
/** Every series from this one on was released with the fix. */
const FIXED_SINCE_SERIES = '5.5';
/**
 * Builds known to carry the fix, tried in order before the version check:
 * distributions backported the one-line fix without changing the version
 * (docs/bug.md, "Distribution kernels").
 */
const KNOWN_FIXED_BUILDS = [
    {
        code: 'wsl2-kernel',
        recognise: (k) => /-microsoft-standard/.test(k.release),
        why: (k) => `WSL2's kernel (${k.release}) is a Microsoft build known not to carry the bug.`,
        source: "docs/bug.md, Distribution kernels: WSL2's 5.4.72 kernel is built by GCC 8.2 and outside the range",
    },
    {
        code: 'ubuntu-5.4-backport',
        // Ubuntu ABI numbers are small; six digits (050400) mark a mainline
        // build of plain upstream 5.4.0, which has no backport.
        recognise: (k) => {
            const ubuntu = k.signature?.startsWith('Ubuntu') === true ||
                k.procVersion?.includes('Ubuntu') === true;
            const abi = /^5\.4\.0-(\d{1,4})-/.exec(k.release);
            return ubuntu && abi !== null && Number(abi[1]) >= 8;
        },
        why: (k) => `Ubuntu's 5.4.0 kernels carry the fix since 5.4.0-8.11 (this is ${k.release}).`,
        source: 'docs/bug.md, Distribution kernels; golang/go#38915 and #40184, where Go 1.15 learned to skip these builds because all carry the fix',
    },
];
/** The first known fixed build these strings name, or undefined. */
function knownFixedBuild(k) {
    return KNOWN_FIXED_BUILDS.find((row) => row.recognise(k));
}
/**
 * GCC 9 keeps the stale owner pointer across the fault-in; a GCC 8 build of
 * the same source does not (the fix's commit message).
 */
const FIRST_BUGGY_GCC = '9.0.0';
function formatLevel(level) {
    return `${level.major}.${level.minor}.${level.patch}`;
}
function inAffectedRange(level) {
    return semver.satisfies(formatLevel(level), AFFECTED_RANGE);
}
/** Older than every affected level (before 5.2). */
function predatesBug(level) {
    return semver.ltr(formatLevel(level), AFFECTED_RANGE);
}
/**
 * The fixed level of the same series, for advice: 5.3.x → 5.3.15; a series
 * that was never fixed (5.2) → the newest fixed level.
 */
function firstFixedLevel(level) {
    const v = formatLevel(level);
    return (FIXED_LEVELS.find((fixed) => semver.satisfies(fixed, `~${v}`)) ??
        FIXED_LEVELS.at(-1));
}
/** Whether the kernel's compiler is GCC 9 or later, as the bug needs. */
function isBuggyGcc(c) {
    return c.kind === 'gcc' && semver.gte(c.version, FIRST_BUGGY_GCC);
}
/**
 * The leading `X.Y[.Z]` of a release or version string ("5.4.0-29-generic",
 * "5.3.11-300.fc31.x86_64", "5.4"). Null when it does not start with X.Y.
 */
function parseLevel(text) {
    const m = /^\s*(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
    if (!m)
        return null;
    return {
        major: Number(m[1]),
        minor: Number(m[2]),
        patch: m[3] === undefined ? 0 : Number(m[3]),
    };
}
/**
 * Ubuntu's /proc/version_signature, "Ubuntu 5.4.0-29.33-generic 5.4.34": the
 * last field is the upstream level the build is based on.
 */
function parseUbuntuSignature(signature) {
    const m = /^Ubuntu\s+(\S+)\s+(\d+\.\d+(?:\.\d+)?)\s*$/.exec(signature.trim());
    if (!m)
        return null;
    const level = parseLevel(m[2]);
    return level && { release: m[1], level };
}
/**
 * Debian hides the upstream level behind an ABI name ("5.4.0-3-amd64"); the
 * package version in uname -v / /proc/version has it: "Debian 5.4.13-1".
 */
function parseDebianLevel(text) {
    const m = /\bDebian (\d+\.\d+(?:\.\d+)?)(?:[-~+][^\s)]*)?\s+\(\d{4}-\d\d-\d\d\)/.exec(text);
    return m ? parseLevel(m[1]) : null;
}
/**
 * The compiler from /proc/version. Old kernels print
 * "(gcc version 8.3.0 (Debian 8.3.0-6))", kernels since about 5.8 print
 * "(gcc-10 (Debian 10.2.0-3) 10.2.0, GNU ld …)" or "(gcc (GCC) 15.3.0, GNU ld
 * …)", and clang builds print "clang version 11.0.1 …".
 */
function parseCompiler(procVersion) {
    const clang = /\bclang version (\d+)\.(\d+)(?:\.(\d+))?/.exec(procVersion);
    if (clang)
        return compiler('clang', clang);
    const oldGcc = /\(gcc version (\d+)\.(\d+)(?:\.(\d+))?/.exec(procVersion);
    if (oldGcc)
        return compiler('gcc', oldGcc);
    const newGcc = matchNewGcc(procVersion);
    if (newGcc)
        return compiler('gcc', newGcc);
    return null;
}
/** "(gcc-10 (" or "(x86_64-linux-gnu-gcc (": where a new-format note opens. */
const NEW_GCC_HEAD = /\([\w.-]*gcc(?:-\d+)?\s+\(/g;
/** The version after the vendor note's closing parenthesis. */
const NEW_GCC_VERSION = /\s+(\d+)\.(\d+)(?:\.(\d+))?/y;
const GNU_LD = /\s*GNU ld/y;
/**
 * The new format, "(<gcc name> (<vendor>) X.Y.Z[ date], GNU ld": the version
 * is the first bare X.Y[.Z] after the vendor note (which may hold one level
 * of parentheses), and the first comma after it must open "GNU ld". Written
 * as a scan, not one regular expression: the expression's "[^,]*," ran from
 * every candidate to the next comma, quadratic in a crafted /proc/version
 * (a 1 MB one took 88 s); here each candidate reuses the comma found for the
 * one before it, so the work stays linear.
 */
function matchNewGcc(text) {
    let comma = -1;
    let commaOpensLd = false;
    // Heads may overlap ("(gcc (gcc-10 (Debian …"): each search starts one
    // past the last head, as the expression tried every start.
    NEW_GCC_HEAD.lastIndex = 0;
    for (let head; (head = NEW_GCC_HEAD.exec(text));) {
        NEW_GCC_HEAD.lastIndex = head.index + 1;
        const close = vendorNoteEnd(text, head.index + head[0].length);
        if (close < 0)
            continue;
        NEW_GCC_VERSION.lastIndex = close + 1;
        const version = NEW_GCC_VERSION.exec(text);
        if (!version)
            continue;
        const after = NEW_GCC_VERSION.lastIndex;
        if (comma < after) {
            comma = text.indexOf(',', after);
            // No comma after this candidate: none after any later one either.
            if (comma < 0)
                return null;
            GNU_LD.lastIndex = comma + 1;
            commaOpensLd = GNU_LD.test(text);
        }
        if (commaOpensLd)
            return version;
    }
    return null;
}
/**
 * The index of the ")" that closes a vendor note opened just before
 * `from`, allowing one level of nested parentheses; -1 when there is none.
 */
function vendorNoteEnd(text, from) {
    let nested = false;
    for (let i = from; i < text.length; i++) {
        const c = text[i];
        if (c === '(') {
            if (nested)
                return -1;
            nested = true;
        }
        else if (c === ')') {
            if (!nested)
                return i;
            nested = false;
        }
    }
    return -1;
}
function compiler(kind, m) {
    const major = Number(m[1]);
    const version = `${m[1]}.${m[2]}.${m[3] ?? '0'}`;
    return { kind, version, major };
}
function formatCompiler(c) {
    return `${c.kind} ${c.version}`;
}
/**
 * Whether uname -v says the kernel preempts in kernel mode: the kernel
 * writes `PREEMPT` (full preemption) or `PREEMPT_RT` into its version
 * string (scripts/mkcompile_h, init/Makefile). Voluntary preemption and
 * none write nothing, and `PREEMPT_DYNAMIC` alone says only that the model
 * is chosen at boot, so those answer false: not known to preempt.
 */
function preemptsInKernelMode(unameVersion) {
    return /(?:^|\s)PREEMPT(?:_RT)?(?=\s|$)/.test(unameVersion);
}

;// CONCATENATED MODULE: ./build/src/goruntime.js
// What the Go runtime does on a kernel it believes buggy: Go 1.14–1.15 test
// the uname release themselves and mlock one page of every thread's signal
// stack. Facts from the Go wiki (LinuxKernelSignalVectorBug), golang/go#35777
// and #37436, and the runtime's own messages; docs/bug.md retells them.
// Versions are compared with semver; only the runtime's reading of uname -r
// is hand-written, since it must repeat Go's own parser exactly.


/** The runtime mlocks the top 4 KiB page of each thread's signal stack. */
const GO_MLOCK_BYTES_PER_THREAD = 4096;
/** Threads the memlock limit must cover unless `memlock-threads` says. */
const DEFAULT_MEMLOCK_THREADS = 64;
/**
 * Go releases by their runtime's behaviour: 1.14.0 dies when an mlock fails,
 * 1.14.1 made the failure silent (golang/go#37436), 1.16 removed the
 * workaround.
 */
const GO_FAMILIES = [
    ['before-1.14', '<1.14.0'],
    ['1.14.0', '1.14.0'],
    ['1.14.1-1.15', '>=1.14.1 <1.16.0'],
    ['1.16+', '>=1.16.0'],
];
// Go names its releases go1.14, go1.14.1, go1.16rc1, go1.16beta1: not
// semver, so the shape is checked here and semver.coerce reads the numbers.
// setup-go's family form, 1.15.x, is taken too (inputs.ts GO_VERSION_ACCEPTED).
const GO_VERSION = /^(?:go)?(\d+)\.(\d+)(?:\.x|(?:\.(\d+))?(?:(?:rc|beta)\d+)?)$/;
/**
 * "go1.14", "1.14.0", "go1.22.1", "1.16rc1", "1.15.x" → a version; null if
 * not one. A family (1.15.x, or 1.15 as setup-go reads it) is its first
 * release, 1.15.0: the worst case for this check within every family, since
 * 1.14.0 dies where 1.14.1+ go on, and 1.15.0–1.15.1 lack the Ubuntu skip
 * (GO_UBUNTU_SKIP_SINCE) that 1.15.2+ have.
 */
function parseGoVersion(text) {
    const trimmed = text.trim();
    if (!GO_VERSION.test(trimmed))
        return null;
    const version = semver.coerce(trimmed);
    return version && { text: trimmed, version: version.version };
}
/** Whether the text names a family rather than one release: 1.15.x, 1.15. */
function isGoFamily(text) {
    return /^(?:go)?\d+\.\d+(?:\.x)?$/.test(text.trim());
}
function goFamily(v) {
    const found = GO_FAMILIES.find(([, range]) => semver.satisfies(v.version, range));
    return found ? found[0] : '1.16+';
}
/**
 * The runtime's own reading of uname -r: cut at the first '-' or '+', then up
 * to three dot-separated decimal numbers; a part that is not a number makes it
 * give up (no workaround). It never looks at the real upstream level.
 */
function goParseRelease(release) {
    const cut = release.search(/[-+]/);
    let rest = cut === -1 ? release : release.slice(0, cut);
    const nums = [];
    while (nums.length < 3) {
        const dot = rest.indexOf('.');
        const field = dot === -1 ? rest : rest.slice(0, dot);
        rest = dot === -1 ? '' : rest.slice(dot + 1);
        if (!/^\d+$/.test(field))
            return null;
        nums.push(Number(field));
        if (rest === '')
            break;
    }
    return { major: nums[0] ?? 0, minor: nums[1] ?? 0, patch: nums[2] ?? 0 };
}
/**
 * The levels Go 1.14–1.15 treat as buggy (runtime/os_linux_x86.go): the
 * same as the upstream affected levels.
 */
const GO_RUNTIME_AFFECTED_RANGE = AFFECTED_RANGE;
/** Go 1.14–1.15's test: 5.2.x, 5.3.0–5.3.14, 5.4.0–5.4.1 by release string. */
function goReleaseTestTriggers(release) {
    const l = goParseRelease(release);
    return !!l && semver.satisfies(formatLevel(l), GO_RUNTIME_AFFECTED_RANGE);
}
/**
 * Go 1.15 skips Ubuntu's 5.4.0/5.4.1 builds, all of which carry the fix
 * (golang/go#38915, #40184). We are sure of it from 1.15.2 on; earlier
 * versions are judged without the skip, the side that cannot miss a crash.
 */
const GO_UBUNTU_SKIP_SINCE = '1.15.2';
/** The levels the Ubuntu skip covers. */
const GO_UBUNTU_SKIP_LEVELS = '>=5.4.0 <5.4.2';
function goHasUbuntuSkip(v) {
    return semver.gte(v.version, GO_UBUNTU_SKIP_SINCE);
}
function goUbuntuSkip(release, procVersion) {
    const l = parseLevel(release);
    return (!!l &&
        semver.satisfies(formatLevel(l), GO_UBUNTU_SKIP_LEVELS) &&
        (procVersion ?? '').includes('Ubuntu'));
}

;// CONCATENATED MODULE: ./build/src/units.js
// How sizes, durations and Go versions are written for people: one rule
// each, used by every sentence, table and line the audit prints. Exact
// byte counts belong to the places that keep them (the Report, the facts
// block of the summary, the commands to paste).
const KIB = 1024;
const MIB = 1024 * 1024;
/**
 * "8 MiB", "256 KiB", "1.5 MiB", "900 B": the largest binary unit the
 * size reaches, whole where it divides, else to one decimal.
 */
function formatBytes(bytes) {
    const unit = (size, name) => {
        const v = bytes / size;
        return `${Number.isInteger(v) ? v : v.toFixed(1)} ${name}`;
    };
    if (Math.abs(bytes) >= MIB)
        return unit(MIB, 'MiB');
    if (Math.abs(bytes) >= KIB)
        return unit(KIB, 'KiB');
    return `${bytes} B`;
}
/**
 * A limit (RLIMIT_MEMLOCK) for people: "unlimited", "unknown", or its size
 * in the largest binary unit it reaches, whole where it divides, else
 * rounded DOWN to one decimal ("255.9 KiB" for 262143 bytes). A limit is
 * compared with what is needed, so it is never shown larger than it is:
 * rounding up would make one byte short of 256 KiB read "256.0 KiB".
 */
function formatLimit(limit) {
    if (limit === null)
        return 'unknown';
    if (limit === 'unlimited')
        return 'unlimited';
    const unit = (size, name) => {
        if (limit % size === 0)
            return `${limit / size} ${name}`;
        // Tenths counted in whole numbers: no float can round up to the unit.
        const tenths = Math.floor((limit * 10) / size);
        return `${Math.floor(tenths / 10)}.${tenths % 10} ${name}`;
    };
    if (limit >= MIB)
        return unit(MIB, 'MiB');
    if (limit >= KIB)
        return unit(KIB, 'KiB');
    return `${limit} B`;
}
/**
 * "0.06 s", "3.49 s", "12.3 s", "125 s": two decimals below 10 s, one
 * below 100 s, whole seconds above; a time under 5 ms reads "under 0.01 s"
 * rather than a zero.
 */
function formatSeconds(seconds) {
    if (seconds < 0.005)
        return 'under 0.01 s';
    if (seconds < 9.995)
        return `${seconds.toFixed(2)} s`;
    if (seconds < 99.95)
        return `${seconds.toFixed(1)} s`;
    return `${Math.round(seconds)} s`;
}
/** "1.19.8" for "go1.19.8" (what `go version` prints) and for "1.19.8". */
function goVersionText(version) {
    return version.replace(/^go(?=\d)/, '');
}

;// CONCATENATED MODULE: ./build/src/assess.js
// Pure: host facts → the static assessment. Two questions kept apart:
// is this kernel buggy, and what will the Go runtime do here.




/** Go's own workaround will try to lock memory here, and the limit fails it. */
const assess_mlockFails = (go) => go.workaround === 'mlock-fails-fatal' ||
    go.workaround === 'mlock-fails-silent';
function assess(facts, opts) {
    return { kernel: assessKernel(facts), go: assessGo(facts, opts) };
}
const X86 = /^(x86_64|amd64|i[3-6]86|x86)$/;
function bestLevel(facts, release) {
    const sig = facts.versionSignature.ok
        ? parseUbuntuSignature(facts.versionSignature.value)
        : null;
    if (sig)
        return { level: sig.level, levelSource: 'ubuntu-signature' };
    for (const f of [facts.unameVersion, facts.procVersion]) {
        const debian = f.ok ? parseDebianLevel(f.value) : null;
        if (debian)
            return { level: debian, levelSource: 'debian-version' };
    }
    const level = parseLevel(release);
    return { level, levelSource: level ? 'release' : null };
}
/** A readable name for process.platform's word. */
function platformName(platform) {
    const names = {
        darwin: 'macOS (darwin)',
        win32: 'Windows (win32)',
    };
    return names[platform] ?? platform;
}
function assessKernel(facts) {
    const reasons = [];
    const say = (code, message) => reasons.push({ code, message });
    const release = facts.release.ok ? facts.release.value : null;
    const picked = release ? bestLevel(facts, release) : null;
    const level = picked?.level ?? null;
    const compiler = facts.procVersion.ok
        ? parseCompiler(facts.procVersion.value)
        : null;
    const inRange = level ? inAffectedRange(level) : null;
    const base = {
        release,
        level: level && formatLevel(level),
        levelSource: picked?.levelSource ?? null,
        compiler: compiler && formatCompiler(compiler),
        inAffectedRange: inRange,
        fixedIn: level && inRange ? firstFixedLevel(level) : null,
    };
    const done = (finding, applicable) => ({ finding, applicable, ...base, reasons });
    // Applicability first: the bug is the Linux kernel's, and needs x86
    // vector state (AVX).
    if (facts.platform !== 'linux') {
        say('not-linux', `This machine runs ${platformName(facts.platform)}, not Linux; the bug is in the Linux kernel.`);
        return done('not-applicable', false);
    }
    if (facts.arch.ok && !X86.test(facts.arch.value)) {
        say('not-x86', `The architecture is ${facts.arch.value}; the bug is x86-only.`);
        return done('not-applicable', false);
    }
    if (facts.cpu.ok && !facts.cpu.value.avx) {
        say('no-avx', 'The CPU has no AVX, so there are no YMM registers to corrupt.');
        return done('not-applicable', false);
    }
    const applicable = facts.arch.ok && facts.cpu.ok ? true : null;
    if (!facts.cpu.ok) {
        say('cpu-unreadable', `CPU flags could not be read (${facts.cpu.source}: ${facts.cpu.error}); AVX assumed.`);
    }
    if (!release) {
        const why = facts.release.ok ? 'empty' : facts.release.error;
        say('release-unreadable', `The kernel release could not be read (${facts.release.source}: ${why}).`);
        return done('unknown', applicable);
    }
    if (!level) {
        say('release-unrecognised', `The kernel release "${release}" has no X.Y version to judge.`);
        return done('unknown', applicable);
    }
    if (picked?.levelSource === 'ubuntu-signature') {
        say('level-from-ubuntu-signature', `Ubuntu's /proc/version_signature gives the upstream level ${formatLevel(level)}.`);
    }
    else if (picked?.levelSource === 'debian-version') {
        say('level-from-debian-version', `Debian's package version gives the real upstream level ${formatLevel(level)} behind "${release}".`);
    }
    const backport = fixedBuildReason(facts, release);
    if (backport) {
        reasons.push(backport);
        return done('clear', applicable);
    }
    if (!inRange) {
        if (predatesBug(level))
            say('before-affected-range', `Linux ${formatLevel(level)} predates the bug (introduced in ${semver.minVersion(AFFECTED_RANGE)?.version}).`);
        else
            say('fixed-upstream', `Linux ${formatLevel(level)} is outside the affected range (fixed in ${FIXED_LEVELS.join(', ')} and ${FIXED_SINCE_SERIES}+).`);
        return done('clear', applicable);
    }
    say('in-affected-range', `Linux ${formatLevel(level)} is in the affected range (${AFFECTED_LEVELS_TEXT}).`);
    return judgeCompiler(compiler, facts, say, done, applicable);
}
function judgeCompiler(compiler, facts, say, done, applicable) {
    if (!compiler) {
        const why = facts.procVersion.ok
            ? 'no compiler named in it'
            : facts.procVersion.error;
        say('compiler-unknown', `The compiler that built the kernel is not known (${facts.procVersion.source}: ${why}); only GCC 9+ builds carry the bug.`);
        return done('unknown', applicable);
    }
    const name = formatCompiler(compiler);
    if (compiler.kind === 'clang') {
        say('built-by-clang', `Built by ${name}: no known condition clears a non-GCC build of this range.`);
        return done('buggy', applicable);
    }
    if (!isBuggyGcc(compiler)) {
        say('built-by-gcc-before-9', `Built by ${name}: GCC 8 and older do not reuse the stale FPU owner pointer.`);
        return done('clear', applicable);
    }
    say('built-by-gcc-9-or-later', `Built by ${name}: GCC 9+ builds of this range reuse a stale FPU owner pointer.`);
    return done('buggy', applicable);
}
/** The reason of the first KNOWN_FIXED_BUILDS row this kernel matches. */
function fixedBuildReason(facts, release) {
    const strings = {
        release,
        signature: facts.versionSignature.ok ? facts.versionSignature.value : null,
        procVersion: facts.procVersion.ok ? facts.procVersion.value : null,
    };
    const row = knownFixedBuild(strings);
    return row ? { code: row.code, message: row.why(strings) } : null;
}
function assessGo(facts, opts) {
    const reasons = [];
    const say = (code, message) => reasons.push({ code, message });
    const parsed = facts.go.version ? parseGoVersion(facts.go.version) : null;
    const goName = `Go ${facts.go.version ? goVersionText(facts.go.version) : '(version unknown)'}`;
    const family = parsed ? goFamily(parsed) : 'unknown';
    const memlock = facts.memlock.ok ? facts.memlock.value : null;
    const capIpcLock = facts.capIpcLock.ok ? facts.capIpcLock.value : null;
    const needed = opts.memlockThreads * GO_MLOCK_BYTES_PER_THREAD;
    const judged = judgeMemlock(facts, needed);
    const sufficient = judged.sufficient;
    reasons.push(...judged.reasons);
    const release = facts.release.ok ? facts.release.value : null;
    const procVersion = facts.procVersion.ok ? facts.procVersion.value : null;
    // With the version unknown, assume 1.14.0: no skip.
    const skipApplies = parsed !== null && goHasUbuntuSkip(parsed);
    const ubuntuSkip = release !== null && skipApplies && goUbuntuSkip(release, procVersion);
    const triggers = release === null ? null : goReleaseTestTriggers(release) && !ubuntuSkip;
    const view = (workaround) => ({
        goVersion: facts.go.version,
        goVersionSource: facts.go.source,
        family,
        releaseTestTriggers: triggers,
        ubuntuSkip,
        workaround,
        memlockThreads: opts.memlockThreads,
        memlockNeeded: needed,
        memlockSoft: memlock?.soft ?? null,
        memlockHard: memlock?.hard ?? null,
        capIpcLock,
        initialUserNamespace: facts.userNamespace.ok
            ? facts.userNamespace.value.initial
            : null,
        mlockProof: facts.mlockProof ?? null,
        memlockBasis: judged.basis,
        memlockSufficient: sufficient,
        reasons,
    });
    if (facts.platform !== 'linux') {
        say('go-not-linux', 'The Go runtime applies its workaround on Linux only.');
        return view('inactive');
    }
    if (parsed && facts.go.source === 'input' && isGoFamily(parsed.text)) {
        say('go-version-family', `go-version ${parsed.text} names a family of releases; judged as its worst case for this check, Go ${parsed.version}.`);
    }
    if (facts.arch.ok && !X86.test(facts.arch.value)) {
        say('go-not-x86', 'The Go runtime applies its workaround on linux/amd64 and linux/386 only.');
        return view('inactive');
    }
    if (family === 'before-1.14' || family === '1.16+') {
        say('go-no-workaround', `${goName} has no mlock workaround (it exists in Go 1.14–1.15 only).`);
        return view('inactive');
    }
    if (family === 'unknown') {
        say('go-version-unknown', `The Go version is not known (${facts.go.note}); judged as the worst case, Go 1.14.0.`);
    }
    if (triggers === null) {
        say('go-release-unreadable', "The kernel release could not be read, so the runtime's own test cannot be repeated.");
        return view('unknown');
    }
    if (ubuntuSkip) {
        say('go-ubuntu-skip', `${goName} skips Ubuntu's 5.4.0/5.4.1 kernels (all fixed): no mlock.`);
    }
    if (!triggers) {
        if (!ubuntuSkip)
            say('go-not-triggered', `Go 1.14–1.15 read "${release}" as a fixed kernel: no mlock.`);
        return view('not-triggered');
    }
    say('go-triggered', `Go 1.14–1.15 read "${release}" as buggy and mlock 4 KiB of signal stack per thread (${opts.memlockThreads} threads: ${formatBytes(needed)}).`);
    if (sufficient === null) {
        say('memlock-unreadable', `RLIMIT_MEMLOCK could not be read (${facts.memlock.source}: ${facts.memlock.ok ? '' : facts.memlock.error}).`);
        return view('unknown');
    }
    if (sufficient)
        return view('mlock');
    const limit = formatLimit(memlock?.soft ?? null);
    if (family === '1.14.1-1.15') {
        say('mlock-fails-silent', `The memlock limit (${limit}) is below the ${formatBytes(needed)} needed: ${goName} stops mlocking silently and leaves threads exposed.`);
        return view('mlock-fails-silent');
    }
    say('mlock-fails-fatal', `The memlock limit (${limit}) is below the ${formatBytes(needed)} needed: Go 1.14.0 dies with "mlock of signal stack failed: 12".`);
    return view('mlock-fails-fatal');
}
/**
 * Whether Go's mlock of `needed` bytes will succeed here. A real mlock's
 * result settles it when it covers the question; otherwise the kernel's
 * rule (mm/mlock.c): the lock may exceed RLIMIT_MEMLOCK only with
 * capable(CAP_IPC_LOCK), which is asked of the initial user namespace. In
 * a child namespace (rootless containers, `unshare -U`) root holds the
 * capability in CapEff and mlock still obeys the limit; where the
 * namespace cannot be told (a capture made before uid_map was kept) the
 * capability is not counted, the side that cannot miss a crash.
 */
function judgeMemlock(facts, needed) {
    const reasons = [];
    const proof = facts.mlockProof ?? null;
    if (proof?.ok && proof.bytes >= needed) {
        reasons.push({
            code: 'mlock-proof-ok',
            message: `A real mlock of ${formatBytes(proof.bytes)} succeeded here, which covers the ${formatBytes(needed)} needed.`,
        });
        return { sufficient: true, basis: 'mlock-proof', reasons };
    }
    if (proof && !proof.ok && proof.bytes <= needed) {
        reasons.push({
            code: 'mlock-proof-failed',
            message: `A real mlock of ${formatBytes(proof.bytes)} failed here (errno ${proof.errno ?? 'unknown'}), and ${formatBytes(needed)} are needed.`,
        });
        return { sufficient: false, basis: 'mlock-proof', reasons };
    }
    const memlock = facts.memlock.ok ? facts.memlock.value : null;
    const cap = facts.capIpcLock.ok && facts.capIpcLock.value;
    // A failed mlock of more than needed does not settle the bytes needed,
    // but shows that no capability lifted the limit here.
    const capCounts = cap && proof?.ok !== false && judgeCapability(facts, reasons);
    if (capCounts)
        return { sufficient: true, basis: 'capability', reasons };
    if (memlock?.soft === 'unlimited')
        return { sufficient: true, basis: 'unlimited', reasons };
    if (typeof memlock?.soft === 'number')
        return { sufficient: memlock.soft >= needed, basis: 'limit', reasons };
    return { sufficient: null, basis: null, reasons };
}
/** Whether a held CAP_IPC_LOCK lifts the limit; says why when it does not. */
function judgeCapability(facts, reasons) {
    const ns = facts.userNamespace;
    if (ns.ok && ns.value.initial)
        return true;
    const rows = ns.ok ? ns.value.uidMap.split('; ') : [];
    const map = rows.slice(0, 2).join('; ') +
        (rows.length > 2 ? ` and ${rows.length - 2} more lines` : '');
    reasons.push(ns.ok
        ? {
            code: 'cap-ipc-lock-in-user-namespace',
            message: `CAP_IPC_LOCK is held in a user namespace, not the initial one (${ns.source}: ${map}): mlock obeys RLIMIT_MEMLOCK there, so the capability is not counted.`,
        }
        : {
            code: 'cap-ipc-lock-namespace-unknown',
            message: `CAP_IPC_LOCK is held, but whether this is the initial user namespace is not known (${ns.source}: ${ns.error}); outside it mlock obeys RLIMIT_MEMLOCK, so the capability is not counted.`,
        });
    return false;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: ./build/src/confidence.js
// The statistics behind a clean run's miss probability: the lower bound of
// a detection rate from counted trials, how many trials bring the miss
// below a target, and the probability in words. The rule that uses them,
// and the lab's figures, are evidence.ts's.
/** P(X >= k) for X ~ Poisson(mean), summed in a stable way. */
function poissonAtLeast(k, mean) {
    let term = Math.exp(-mean);
    let below = 0;
    for (let i = 0; i < k; i++) {
        below += term;
        term *= mean / (i + 1);
    }
    return Math.max(0, 1 - below);
}
/**
 * The one-sided 95 % lower bound of the detection rate per delivery, from
 * `detections` events over `deliveries` trials: the smallest event mean
 * under which seeing at least that many events still has a 5 % chance
 * (the exact Poisson bound, found by bisection), per delivery, capped
 * below 1.
 */
function lowerRate(detections, deliveries) {
    if (detections <= 0 || deliveries <= 0)
        return 0;
    let lo = 0;
    let hi = detections;
    for (let i = 0; i < 100; i++) {
        const mid = (lo + hi) / 2;
        if (poissonAtLeast(detections, mid) < 0.05)
            lo = mid;
        else
            hi = mid;
    }
    return Math.min(lo / deliveries, 0.999);
}
/** Deliveries at `rate` each that bring the miss probability below `target`. */
function deliveriesAtRate(rate, target) {
    return rate > 0 ? Math.ceil(Math.log(target) / Math.log1p(-rate)) : null;
}
/** "3.2e-9", "below 1e-12", "1" — for people. */
function formatProbability(p) {
    if (p >= 0.995)
        return '1';
    if (p < 1e-12)
        return 'below 1e-12';
    if (p >= 0.01)
        return p.toFixed(2);
    return p.toExponential(1);
}

;// CONCATENATED MODULE: ./build/src/evidence.js



/** The modes a run can be made in (`auto` resolves to one of these). */
const RUN_MODES = ['uffd', 'io', 'stress'];
function isRunMode(mode) {
    return RUN_MODES.includes(mode);
}
/** A clean run clears an in-range kernel only below this miss probability. */
const CLEARING_MISS_PROBABILITY = 1e-6;
/**
 * Measured with `npm run bench:lab` on the lab's affected kernel: two runs of
 * ten guests per mode and CPU count (1 and 2), 2026-11-28, pooled; every one
 * of the 80 guests found the bug. Deliveries count up to and including the
 * one that corrupted, over all checkers of the run.
 */
const LAB_CALIBRATION = {
    uffd: {
        detections: 40,
        deliveries: 83,
        clears: true,
        needsPreemption: false,
        basis: 'uffd mode on the lab kernel (Linux 5.4.1 built by GCC 12, emulated CPUs): 40 of 40 runs found the bug, after 83 live faulting deliveries in all; the fault-in is held until a competing task has run on the same CPU, so the trigger does not wait for a preemption',
    },
    // bench:lab on the two affected disk kernels (PREEMPT and PREEMPT_NONE,
    // 14 runs on 1 CPU, 12 on 2), 2026-11-30, pooled (docs/lab.md): every
    // run found the bug.
    io: {
        detections: 26,
        deliveries: 88,
        clears: true,
        needsPreemption: false,
        basis: 'io mode on the lab kernels with a disk (Linux 5.4.1 built by GCC 12, emulated CPUs, with full preemption and with none): 26 of 26 runs found the bug, after 88 live faulting deliveries in all (fault-ins that read the signal stack back from the disk); the task sleeps on the read while a competing task runs on its CPU, so the trigger does not wait for a preemption',
    },
    stress: {
        detections: 40,
        deliveries: 418,
        clears: false,
        needsPreemption: true,
        basis: 'stress mode on the lab kernel (Linux 5.4.1 built by GCC 12, emulated CPUs, full preemption at 1000 Hz): 40 of 40 runs found the bug, after 418 live faulting deliveries in all; its trigger needs a preemption during the fault-in, which distribution kernels (mostly voluntary preemption) give less often, so this rate is an upper bound there and a clean stress run never clears a kernel',
    },
};
/** A mode's detection rate per delivery (lower bound), or null if unknown. */
function labRate(mode) {
    const c = LAB_CALIBRATION[mode];
    return c ? lowerRate(c.detections, c.deliveries) : null;
}
/** The chance a buggy kernel stays clean for `live` deliveries. */
function missProbability(mode, live) {
    const p = labRate(mode);
    if (p === null)
        return null;
    return p > 0 ? Math.exp(live * Math.log1p(-p)) : 1;
}
/** Live faulting deliveries that bring a mode's miss below `target`. */
function deliveriesFor(mode, target) {
    const p = labRate(mode);
    return p === null ? null : deliveriesAtRate(p, target);
}
/**
 * Where a mode can clear a kernel, the real run stops once a buggy kernel
 * would have been caught with a miss probability this small: far below the
 * clearing line, at a cost of a fraction of a second on real hardware.
 */
const STOP_MISS_PROBABILITY = 1e-12;
/** "code: text" for the reproducer's paired reason fields. */
function reasonOf(code, text) {
    if (!code && !text)
        return null;
    return [code, text].filter(Boolean).join(': ');
}
/**
 * The probe's line, `{"version":1,"mlockProbe":{"bytes":N,"ok":…,
 * "errno":N}}`, as a proof; null when no well-formed line was printed.
 */
function parseMlockProbeLine(stdout) {
    for (const line of stdout.split('\n').reverse()) {
        let doc;
        try {
            doc = JSON.parse(line);
        }
        catch {
            continue;
        }
        const p = doc
            ?.mlockProbe;
        if (!p || typeof p !== 'object')
            continue;
        const { bytes, ok, errno } = p;
        if (!Number.isSafeInteger(bytes) || typeof ok !== 'boolean')
            return null;
        if (!ok && !Number.isSafeInteger(errno))
            return null;
        return {
            bytes: bytes,
            ok,
            errno: ok ? null : errno,
        };
    }
    return null;
}
/** The last stdout line that is a reproducer result object. */
function parseResultLine(stdout) {
    const lines = stdout
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    for (const line of lines.reverse()) {
        try {
            const doc = JSON.parse(line);
            if (doc && typeof doc === 'object' && typeof doc.result === 'string')
                return doc;
        }
        catch {
            // not the result line
        }
    }
    return null;
}
/**
 * The miss probability for people. Where the mode cannot clear, the lab
 * rate behind it is an upper bound for most kernels, so the figure is too
 * optimistic, and says so.
 */
function missText(e) {
    if (e.missProbability === null)
        return e.missBasis === null ? '' : 'unknown';
    const p = formatProbability(e.missProbability);
    return e.minEvents === null
        ? `${p} at the lab's rate, which may overstate ${e.mode ?? 'this'} mode on this kernel`
        : p;
}
/** "1 worker killed by SIGSEGV", "2 workers killed by SIGSEGV, SIGBUS". */
function crashSummary(crashes) {
    const signals = [...new Set(crashes.map((c) => c.signal))].join(', ');
    return `${crashes.length} worker${crashes.length === 1 ? '' : 's'} killed by ${signals}`;
}
/** What clears a kernel in the run's mode, for people. */
function clearingText(e) {
    return e.minEvents !== null
        ? `${e.minEvents} live faulting deliveries (miss probability below ${CLEARING_MISS_PROBABILITY.toExponential(0)})`
        : `a uffd-mode run (root, CAP_SYS_PTRACE or vm.unprivileged_userfaultfd=1) or an io-mode run (a folder on a disk: RUNNER_TEMP, the workspace or TMPDIR, not tmpfs): ${e.mode ?? 'this'} mode never clears a kernel`;
}
/** How a run ended, when it did not end with a result line. */
function describeFailure(run, deadlineMs) {
    if (run.timedOut)
        return `killed after the ${Math.round(deadlineMs / 1000)} s deadline`;
    if (run.signal)
        return `crashed with ${run.signal}`;
    const last = run.stderr.trim().split('\n').at(-1);
    return `exited ${run.code} without a result${last ? `: ${last}` : ''}`;
}
/**
 * What the first mismatch showed, in one sentence without its bytes: the
 * bytes are shown once, where a person can compare them (the summary's
 * collapsed block, the Report's mismatch).
 */
function describeLeak(line) {
    const m = line.mismatch;
    if (!m)
        return null;
    const changed = Array.isArray(m.registers) ? m.registers.length : null;
    const where = changed === null ? '' : ` in ${changed} of 16 registers`;
    return `${m.register ?? 'a register'} of task ${m.task ?? '?'} held ${leakSourceText(m)}${where}`;
}
/** Whose bytes a mismatch found, with its article: "an injected canary". */
function leakSourceText(m) {
    switch (m.leakedFrom) {
        case 'injected':
            return 'an injected canary';
        case 'self':
            return 'its own canary, from another register';
        case 'foreign':
            return 'a canary of another run';
        case 'zeros':
            return "zeros (a task's initial vector state), no canary";
        case 'unknown':
            return 'bytes that are no canary of this run';
        default:
            return m.leakedTask !== null
                ? `the canary of task ${m.leakedTask}${m.leakedRole ? ` (${m.leakedRole})` : ''}`
                : 'bytes from an unknown source';
    }
}
/**
 * Why the run used its mode, for people: the reproducer's modeReason is
 * "code: text"; the code becomes words, the text (its own sentence about
 * this machine) stays.
 */
function modeReasonText(modeReason) {
    if (!modeReason)
        return null;
    const at = modeReason.indexOf(': ');
    const code = at < 0 ? modeReason : modeReason.slice(0, at);
    const text = at < 0 ? '' : modeReason.slice(at + 2);
    const words = MODE_REASON_WORDS[code];
    if (!words)
        return modeReason;
    return text ? `${words}: ${text}` : words;
}
/** The reproducer's modeReason codes (native/README.md), in words. */
const MODE_REASON_WORDS = {
    requested: 'as asked',
    // The probe's own text says why the mode was fit (and why uffd was not).
    'uffd-available': 'picked by `mode: auto`',
    'io-available': 'picked by `mode: auto`',
    'uffd-refused': 'picked by `mode: auto`, since userfaultfd was refused',
    'uffd-unsupported': 'picked by `mode: auto`, since this kernel has no userfaultfd for kernel-mode faults',
    'uffd-register-failed': 'picked by `mode: auto`, since userfaultfd could not watch the signal stack',
};
const evidenceFromSkip = (reason, drill) => ({
    ...EMPTY_EVIDENCE,
    result: 'skipped',
    reason,
    drill,
});
const EMPTY_EVIDENCE = {
    result: 'skipped',
    reason: '',
    mode: null,
    modeReason: null,
    seconds: null,
    signals: null,
    faultingDeliveries: null,
    liveFaultingDeliveries: null,
    enoughEvents: false,
    minEvents: null,
    missProbability: null,
    missBasis: null,
    crashes: [],
    leak: null,
    mismatch: null,
    drill: false,
    selfTest: null,
    build: null,
};
function evidenceFromBuildFailure(build, drill) {
    return {
        ...evidenceFromSkip(build.reason, drill),
        build: {
            ok: false,
            compiler: build.compiler,
            output: build.output,
            cacheHit: false,
            seconds: null,
            key: null,
        },
    };
}
/**
 * How sure a run without corruption is: the chance a kernel with the bug
 * would have stayed clean over `live` deliveries in `mode`, and what that
 * rests on. Where the mode's trigger needs a preemption and the kernel
 * (its uname -v) does not say it preempts in kernel mode, the lab's rate
 * does not carry, and no figure is better than a wrong one: unknown.
 */
function missOfCleanRun(mode, live, kernelVersion) {
    const calibration = LAB_CALIBRATION[mode];
    const preempts = kernelVersion !== null && preemptsInKernelMode(kernelVersion);
    if (calibration.needsPreemption && !preempts)
        return {
            missProbability: null,
            missBasis: `${mode} mode needs a preemption during the fault-in, and ${kernelVersion === null ? 'the kernel did not say whether it preempts' : `this kernel's uname -v ("${kernelVersion}") does not say PREEMPT`}: on a kernel that does not preempt in kernel mode the trigger never fires (seen on the lab's PREEMPT_NONE build), so the chance a buggy kernel stays clean here is unknown`,
        };
    return {
        missProbability: missProbability(mode, live),
        missBasis: calibration.basis,
    };
}
/**
 * A mode the workflow asked for by name that this machine refuses (the
 * reproducer's probe says which and why, as auto mode's choice does): what
 * was refused, why, and what would permit it. Null for any other failure.
 */
function modeRefusal(line) {
    if (line.result !== 'error')
        return null;
    const why = line.reasonText ?? line.reason ?? 'no reason given';
    switch (line.reason) {
        case 'uffd-refused':
            return `mode uffd is not permitted here: ${why}. It is permitted as root, with CAP_SYS_PTRACE, with the sysctl vm.unprivileged_userfaultfd=1, or (Linux 6.1+) with read-write access to /dev/userfaultfd; or set mode to auto, which picks io or stress where uffd is refused`;
        case 'uffd-unsupported':
            return `mode uffd is not available here: ${why}. This kernel has no userfaultfd (CONFIG_USERFAULTFD); set mode to auto, which picks io or stress`;
        case 'uffd-register-failed':
            return `mode uffd is not permitted here: ${why}. Kernel-mode faults need root, CAP_SYS_PTRACE or vm.unprivileged_userfaultfd=1; or set mode to auto, which picks io or stress`;
        case 'io-refused':
            return `mode io is not possible here: ${why}. It needs a folder on a disk (not tmpfs or ramfs) that lets programs write and read back: RUNNER_TEMP, else the workspace, else TMPDIR; or set mode to auto, which picks stress where io is refused`;
        default:
            return null;
    }
}
/**
 * Pure: the self-test's and the real run's outcomes → evidence. A clean run
 * counts only when the self-test saw its own injected corruption.
 */
function evidenceFromRuns(input) {
    const build = {
        ok: true,
        compiler: input.build.compiler,
        output: '',
        cacheHit: input.build.cacheHit,
        seconds: input.build.seconds,
        key: input.build.key,
    };
    const st = input.selfTest;
    const stLine = st.line;
    if (stLine?.result === 'unsupported') {
        return {
            ...evidenceFromSkip(`the reproducer cannot run here: ${reasonOf(stLine.reason, stLine.reasonText) ?? 'unsupported'}`, input.drill),
            build,
        };
    }
    const stPassed = stLine?.result === 'corrupted' && stLine.mismatch?.leakedFrom === 'injected';
    const selfTest = {
        passed: stPassed,
        seconds: stLine?.timeToFirstMismatch ?? st.run.seconds,
        detail: stPassed
            ? `found its injected corruption in ${formatSeconds(stLine?.timeToFirstMismatch ?? st.run.seconds)}`
            : stLine
                ? `did not find its injected corruption (result ${[stLine.result, reasonOf(stLine.reason, stLine.reasonText)].filter(Boolean).join(': ')})`
                : describeFailure(st.run, st.deadlineMs),
    };
    const refused = stLine ? modeRefusal(stLine) : null;
    if (refused)
        selfTest.detail = refused;
    const base = { ...EMPTY_EVIDENCE, drill: input.drill, build, selfTest };
    if (!stPassed) {
        return {
            ...base,
            result: 'error',
            reason: refused ?? `self-test failed: ${selfTest.detail}`,
        };
    }
    const real = input.real;
    if (!real)
        return { ...base, result: 'error', reason: 'the real run did not start' };
    const line = real.line;
    if (!line || line.result === 'error' || line.result === 'unsupported') {
        const why = line
            ? `${line.result}: ${reasonOf(line.reason, line.reasonText) ?? 'no reason given'}`
            : describeFailure(real.run, real.deadlineMs);
        return { ...base, result: 'error', reason: `the run failed: ${why}` };
    }
    const mode = isRunMode(line.mode) ? line.mode : null;
    const seconds = line.seconds ?? real.run.seconds;
    const faulting = line.faultingDeliveries ?? 0;
    const live = line.liveFaultingDeliveries ?? 0;
    const calibration = mode ? LAB_CALIBRATION[mode] : undefined;
    const found = line.result === 'corrupted';
    const { missProbability: miss, missBasis } = mode && !found
        ? missOfCleanRun(mode, live, input.kernelVersion ?? line.uname?.version ?? null)
        : { missProbability: null, missBasis: null };
    const crashes = (line.crashes ?? []).map((c) => ({
        task: c.task,
        signal: c.signal,
        seconds: c.seconds,
        detail: c.detail ?? '',
    }));
    return {
        ...base,
        result: line.result,
        reason: line.result === 'corrupted'
            ? input.drill
                ? 'DRILL: corruption injected on purpose'
                : 'registers corrupted across a signal'
            : line.result === 'crashed'
                ? `no corruption seen, but ${crashSummary(crashes)}`
                : `${faulting} faulting deliveries without corruption`,
        mode,
        // The self-test ran with the mode as requested, so it says why auto chose.
        modeReason: reasonOf(stLine?.modeReason, stLine?.modeReasonText) ??
            reasonOf(line.modeReason, line.modeReasonText),
        seconds,
        signals: line.signals ?? null,
        faultingDeliveries: faulting,
        liveFaultingDeliveries: live,
        minEvents: calibration?.clears && mode
            ? deliveriesFor(mode, CLEARING_MISS_PROBABILITY)
            : null,
        missProbability: miss,
        // A run that found the bug has no miss to speak of.
        missBasis,
        enoughEvents: line.result === 'clean' &&
            !!calibration?.clears &&
            miss !== null &&
            miss < CLEARING_MISS_PROBABILITY,
        crashes,
        leak: describeLeak(line),
        mismatch: line.mismatch ?? null,
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: ./build/src/files.js + 1 modules
var src_files = __nccwpck_require__(7907);
;// CONCATENATED MODULE: ./build/src/rootfs.js



/** Why a file of a captured tree was not read, as the fact records it. */
class TreeRefusal extends Error {
    name = 'TreeRefusal';
}
const LINK_REFUSED = 'links in a captured tree are not followed';
function errnoError(code, where) {
    return Object.assign(new Error(`${where}: ${code}`), { code });
}
/**
 * Walks `rel` below `root` one component at a time with lstat, so that no
 * link on the way is followed, and returns what lstat saw of the last one.
 * ENOENT and EACCES come out as the errno errors they are.
 */
async function lstatInside(root, rel) {
    const parts = rel.split('/').filter(Boolean);
    if (parts.length === 0 || parts.some((p) => p === '..' || p === '.')) {
        throw new TreeRefusal(`not a path inside the tree: ${rel}`);
    }
    let at = root;
    for (const [i, part] of parts.entries()) {
        at = external_node_path_.join(at, part);
        const st = await promises_.lstat(at);
        const last = i === parts.length - 1;
        if (st.isSymbolicLink()) {
            const shown = '/' + parts.slice(0, i + 1).join('/');
            throw new TreeRefusal(last
                ? `a link; ${LINK_REFUSED}`
                : `${shown} is a link; ${LINK_REFUSED}`);
        }
        if (last)
            return { file: at, st };
        if (!st.isDirectory())
            throw errnoError('ENOTDIR', at);
    }
    throw new TreeRefusal(`not a path inside the tree: ${rel}`);
}
/**
 * The text of the regular file `rel` under `root` (a real path, without
 * links: the caller resolves it once). At most `maxBytes` are read; a larger
 * file is refused as "too large", never cut short, so that no parser judges
 * half a file.
 */
async function readTreeFile(root, rel, maxBytes) {
    const { file, st } = await lstatInside(root, rel);
    if (st.isDirectory())
        throw errnoError('EISDIR', file);
    if (!st.isFile())
        throw errnoError('not a regular file', file);
    try {
        // O_NOFOLLOW: the last component may have become a link since lstat.
        const read = await (0,src_files/* readBounded */.CB)(file, {
            maxBytes,
            noFollow: true,
            verify: async (handle, opened) => {
                if (opened.dev !== st.dev || opened.ino !== st.ino) {
                    throw new TreeRefusal('replaced while being read; not read');
                }
                await checkOpenedPath(handle.fd, file);
            },
        });
        return read.bytes.toString('utf8');
    }
    catch (err) {
        if (err instanceof src_files/* ReadRefusal */.Po && err.reason === 'too large') {
            throw new TreeRefusal(`too large (${err.size} bytes; at most ${err.max} are read from a captured tree)`);
        }
        if (err instanceof src_files/* ReadRefusal */.Po) {
            throw new TreeRefusal('replaced while being read; not read');
        }
        throw err;
    }
}
/**
 * A folder on the way may have been swapped for a link between the lstat
 * walk and the open. The kernel names the file it really opened in
 * /proc/self/fd; anything but the path we walked is refused. Without /proc
 * (a chroot) the walk and O_NOFOLLOW stand alone.
 */
async function checkOpenedPath(fd, expected) {
    let opened;
    try {
        opened = await promises_.readlink(`/proc/self/fd/${fd}`);
    }
    catch {
        return;
    }
    if (opened !== expected) {
        throw new TreeRefusal(`resolved outside the path walked while being read; ${LINK_REFUSED}`);
    }
}
/**
 * Whether `rel` is a regular file in the tree: marker files (/.dockerenv)
 * count by existing, so a link there, which could only say whether some
 * path exists on the machine running the audit, does not count.
 */
async function treeHasFile(root, rel) {
    try {
        return (await lstatInside(root, rel)).st.isFile();
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./build/src/spawn.js + 1 modules
var spawn = __nccwpck_require__(4687);
;// CONCATENATED MODULE: ./build/src/host.js
// The only module that reads the machine. Every file is read under a root
// (default "/"), so a captured host folder can be audited offline; a file
// that cannot be read becomes a recorded fact, never a crash. A captured
// tree comes from another machine: it is read through rootfs.ts (no links,
// bounded sizes), and every string that reaches a report is checked here.







const CAP_IPC_LOCK = 14n;
/** Every file the audit reads, relative to the root (capture copies these). */
const HOST_FILES = {
    hostname: 'proc/sys/kernel/hostname',
    release: 'proc/sys/kernel/osrelease',
    procVersion: 'proc/version',
    unameVersion: 'proc/sys/kernel/version',
    versionSignature: 'proc/version_signature',
    osRelease: 'etc/os-release',
    osReleaseFallback: 'usr/lib/os-release',
    arch: 'proc/sys/kernel/arch',
    cpuinfo: 'proc/cpuinfo',
    limits: 'proc/self/limits',
    status: 'proc/self/status',
    uidMap: 'proc/self/uid_map',
    dockerenv: '.dockerenv',
    containerenv: 'run/.containerenv',
    cgroup: 'proc/1/cgroup',
    mountinfo: 'proc/1/mountinfo',
    environ: 'proc/1/environ',
};
const F = HOST_FILES;
/**
 * The most read of each file of a captured tree; a larger file is refused
 * as too large, not parsed. Each bound is several times what a real
 * machine has: the kernel's utsname strings (hostname, osrelease, version,
 * arch) hold at most 64 bytes (__NEW_UTS_LEN, include/uapi/linux/utsname.h);
 * /proc/version is one line of a few hundred; limits about 1.3 KiB;
 * uid_map at most 340 lines of three numbers (user_namespaces(7)); cpuinfo
 * about 1.5 KiB per processor, a few MiB on the largest machines;
 * mountinfo a line per mount, a few MiB on busy Kubernetes nodes; PID 1's
 * environment is bounded by the exec argument limit (a quarter of the
 * stack limit: 2 MiB by default).
 */
const CAPTURED_FILE_MAX_BYTES = {
    'proc/sys/kernel/hostname': 1024,
    'proc/sys/kernel/osrelease': 1024,
    'proc/version': 4096,
    'proc/sys/kernel/version': 1024,
    'proc/version_signature': 1024,
    'etc/os-release': 64 * 1024,
    'usr/lib/os-release': 64 * 1024,
    'proc/sys/kernel/arch': 1024,
    'proc/cpuinfo': 16 * 1024 * 1024,
    'proc/self/limits': 16 * 1024,
    'proc/self/status': 64 * 1024,
    'proc/self/uid_map': 16 * 1024,
    '.dockerenv': 64 * 1024,
    'run/.containerenv': 64 * 1024,
    'proc/1/cgroup': 1024 * 1024,
    'proc/1/mountinfo': 16 * 1024 * 1024,
    'proc/1/environ': 8 * 1024 * 1024,
    'proc/sys/kernel/random/boot_id': 1024,
};
/**
 * The longest each string may be before a report shows it: the kernel's
 * utsname fields hold 64 bytes (hostname, release, uname -v, arch, as
 * above); the others are one line of a few hundred at most.
 */
const UTS_MAX = 64;
const LINE_MAX = 1024;
/** Whether a root names this machine's own "/" rather than a captured tree. */
function isThisMachine(root) {
    return external_node_path_.resolve(root) === external_node_path_.resolve('/');
}
/** Whether the reproducer can run for this root: this machine, on Linux. */
function reproducerRunsHere(root) {
    return isThisMachine(root) && process.platform === 'linux';
}
function hostTree(root) {
    const resolved = external_node_path_.resolve(root);
    if (resolved === '/')
        return { root: resolved, live: true };
    // The root itself is the operator's own path; only below it is foreign.
    let real = resolved;
    try {
        real = (0,external_node_fs_.realpathSync)(resolved);
    }
    catch {
        // A root that does not exist: every file is then missing.
    }
    return { root: real, live: false };
}
async function readHostFacts(opts) {
    const root = external_node_path_.resolve(opts.root);
    // This machine's own root ("/", which Windows' path resolves to C:\):
    // elsewhere than Linux there is no /proc to read and no kernel to judge.
    // A captured tree is Linux's wherever it is read.
    if (process.platform !== 'linux' && isThisMachine(opts.root))
        return notLinuxFacts(root, process.platform, opts);
    const tree = hostTree(root);
    const live = tree.live;
    const platform = 'linux';
    const read = (rel) => readText(tree, rel);
    const [hostname, release, procVersion, unameVersion, versionSignature, osRelease, archFile, cpuinfo, limits, status, uidMap, go,] = await Promise.all([
        read(F.hostname),
        read(F.release),
        read(F.procVersion),
        read(F.unameVersion),
        read(F.versionSignature),
        readFirst(tree, [F.osRelease, F.osReleaseFallback]),
        read(F.arch),
        read(F.cpuinfo),
        read(F.limits),
        read(F.status),
        read(F.uidMap),
        detectGo(live, opts.goVersion),
    ]);
    return {
        root,
        live,
        platform,
        hostname: mapFact(plainLine(hostname, UTS_MAX), (t) => t || null),
        release: plainLine(release, UTS_MAX),
        procVersion: plainLine(procVersion, LINE_MAX),
        unameVersion: plainLine(unameVersion, UTS_MAX),
        versionSignature: plainLine(versionSignature, LINE_MAX),
        os: mapFact(osRelease, parseOsRelease),
        arch: pickArch(plainLine(archFile, UTS_MAX), cpuinfo, live),
        cpu: mapFact(cpuinfo, parseCpuinfo),
        memlock: mapFact(limits, parseMemlock),
        capIpcLock: mapFact(status, (t) => hasCapability(t, CAP_IPC_LOCK)),
        userNamespace: mapFact(uidMap, parseUidMap),
        mlockProof: null,
        container: await detectContainerIn(tree),
        go,
    };
}
/**
 * This machine when it is not Linux (a macOS or Windows runner of an OS
 * matrix): no file is read, each fact says why, and no toolchain is asked,
 * since the Go runtime's workaround is Linux's too.
 */
function notLinuxFacts(root, platform, opts) {
    const notRead = (rel) => ({
        ok: false,
        error: `not read: this machine runs ${platform}, not Linux`,
        source: '/' + rel,
    });
    return {
        root,
        live: true,
        platform,
        hostname: { ok: true, value: external_node_os_.hostname(), source: 'os.hostname()' },
        release: notRead(F.release),
        procVersion: notRead(F.procVersion),
        unameVersion: notRead(F.unameVersion),
        versionSignature: notRead(F.versionSignature),
        os: notRead(F.osRelease),
        arch: { ok: true, value: external_node_os_.arch(), source: 'os.arch()' },
        cpu: notRead(F.cpuinfo),
        memlock: notRead(F.limits),
        capIpcLock: notRead(F.status),
        userNamespace: notRead(F.uidMap),
        mlockProof: null,
        container: { detected: false, signals: [] },
        go: opts.goVersion
            ? {
                version: opts.goVersion,
                source: 'input',
                note: 'from the go-version input',
            }
            : {
                version: null,
                source: 'not detected',
                note: `not asked: this machine runs ${platform}, not Linux`,
            },
    };
}
/**
 * Where the kernel names this boot: a random UUID made at every boot. Not in
 * HOST_FILES: the audit does not judge by it, and a capture should not carry
 * a boot it was not taken in.
 */
const BOOT_ID_FILE = 'proc/sys/kernel/random/boot_id';
async function readBootId(root) {
    return mapFact(await readText(hostTree(root), BOOT_ID_FILE), (t) => /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/.test(t.trim())
        ? t.trim()
        : null);
}
async function readText(tree, rel) {
    const source = '/' + rel;
    try {
        const value = tree.live
            ? await (0,src_files/* readRegularFile */.XF)(external_node_path_.join(tree.root, rel))
            : await readTreeFile(tree.root, rel, CAPTURED_FILE_MAX_BYTES[rel]);
        return { ok: true, value, source };
    }
    catch (err) {
        return { ok: false, error: describeReadError(err), source };
    }
}
async function readFirst(tree, rels) {
    let last = null;
    for (const rel of rels) {
        last = await readText(tree, rel);
        if (last.ok)
            return last;
    }
    return last;
}
function describeReadError(err) {
    if (err instanceof TreeRefusal)
        return err.message;
    if (err instanceof src_files/* ReadRefusal */.Po && err.reason === 'too large')
        return err.message;
    const code = err?.code;
    if (code === 'ENOENT')
        return 'missing (ENOENT)';
    if (code === 'EACCES' || code === 'EPERM')
        return `unreadable (${code})`;
    return `unreadable (${code ?? String(err)})`;
}
/**
 * Characters a report must not carry from a host: controls (a newline
 * would start a workflow command or a forged line), format characters
 * (bidirectional overrides that reorder what a reader sees), separators
 * other than the space, unassigned and private code points.
 */
const NOT_PLAIN = /[\p{C}\p{Zl}\p{Zp}]/u;
/** The text as one line a report may show, or null. */
function plainText(text, max) {
    const t = text.trim();
    return t.length <= max && !NOT_PLAIN.test(t) ? t : null;
}
/** A one-line fact, trimmed, refused when no real host could have said it. */
function plainLine(fact, max) {
    if (!fact.ok)
        return fact;
    const text = fact.value.trim();
    const why = text.length > max
        ? `not believed: ${text.length} characters, where a real one has at most ${max}`
        : NOT_PLAIN.test(text)
            ? 'not believed: it holds control or formatting characters (a newline, a terminal escape)'
            : null;
    return why
        ? { ok: false, error: why, source: fact.source }
        : { ok: true, value: text, source: fact.source };
}
function mapFact(fact, f) {
    if (!fact.ok)
        return fact;
    const value = f(fact.value);
    if (value === null) {
        return {
            ok: false,
            error: 'not in the expected format',
            source: fact.source,
        };
    }
    return { ok: true, value, source: fact.source };
}
function parseOsRelease(text) {
    const fields = new Map();
    for (const line of text.split('\n')) {
        const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
        if (m)
            fields.set(m[1], unquote(m[2]));
    }
    const field = (name) => {
        const v = fields.get(name);
        return v === undefined ? null : plainText(v, LINE_MAX);
    };
    return {
        id: field('ID'),
        versionId: field('VERSION_ID'),
        prettyName: field('PRETTY_NAME') ?? field('NAME'),
    };
}
function unquote(v) {
    const m = /^(["'])(.*)\1$/.exec(v);
    return m ? m[2].replace(/\\(.)/g, '$1') : v;
}
/** The first processor's vendor, model and vector flags; null if unknown. */
function parseCpuinfo(text) {
    // [ \t], not \s: a field's value ends at its line.
    const field = (name) => new RegExp(`^${name}[ \\t]*:[ \\t]*(.*)$`, 'm').exec(text)?.[1] ?? null;
    // Vendor and model reach reports; the flags are only looked up.
    const shown = (name) => {
        const v = field(name);
        return v === null ? null : plainText(v, LINE_MAX);
    };
    const flagsLine = field('flags');
    if (flagsLine === null) {
        // Arm and other non-x86 CPUs list "Features": no AVX by construction.
        if (field('Features') === null)
            return null;
        const none = { avx: false, avx2: false, avx512f: false };
        return {
            vendor: shown('CPU implementer'),
            model: shown('model name'),
            ...none,
        };
    }
    const flags = new Set(flagsLine.trim().split(/\s+/));
    return {
        vendor: shown('vendor_id'),
        model: shown('model name'),
        avx: flags.has('avx'),
        avx2: flags.has('avx2'),
        avx512f: flags.has('avx512f'),
    };
}
/**
 * /proc/sys/kernel/arch exists since Linux 6.1; before that this machine's
 * uname -m, or for a captured host the shape of its cpuinfo.
 */
function pickArch(archFile, cpuinfo, live) {
    if (archFile.ok && archFile.value.trim()) {
        return { ok: true, value: archFile.value.trim(), source: archFile.source };
    }
    if (live)
        return { ok: true, value: external_node_os_.machine(), source: 'uname -m' };
    if (!cpuinfo.ok) {
        return {
            ok: false,
            error: `no ${archFile.source} and ${cpuinfo.error} ${cpuinfo.source}`,
            source: cpuinfo.source,
        };
    }
    const arch = archFromCpuinfo(cpuinfo.value);
    return arch
        ? { ok: true, value: arch, source: `${cpuinfo.source} (its format)` }
        : { ok: false, error: 'format not recognised', source: cpuinfo.source };
}
function archFromCpuinfo(text) {
    if (/^vendor_id\s*:/m.test(text) && /^flags\s*:/m.test(text)) {
        return /^flags\s*:.*\blm\b/m.test(text) ? 'x86_64' : 'i686';
    }
    if (/^CPU implementer\s*:/m.test(text)) {
        return /^Features\s*:.*\basimd\b/m.test(text) ||
            /^CPU architecture\s*:\s*8/m.test(text)
            ? 'aarch64'
            : 'arm';
    }
    if (/^cpu\s*:\s*POWER/m.test(text))
        return 'ppc64le';
    if (/^isa\s*:\s*rv64/m.test(text))
        return 'riscv64';
    if (/^vendor_id\s*:\s*IBM\/S390/m.test(text))
        return 's390x';
    return null;
}
/** "Max locked memory  65536  65536  bytes" → bytes, or 'unlimited'. */
function parseMemlock(text) {
    const m = /^Max locked memory\s+(\S+)\s+(\S+)/m.exec(text);
    if (!m)
        return null;
    const soft = parseLimit(m[1]);
    const hard = parseLimit(m[2]);
    return soft === null || hard === null ? null : { soft, hard };
}
function parseLimit(v) {
    if (v === 'unlimited')
        return 'unlimited';
    return /^\d+$/.test(v) ? Number(v) : null;
}
const INITIAL_UID_MAP = [0, 0, 4294967295];
/** The kernel refuses longer maps (user_namespaces(7), since Linux 4.15). */
const UID_MAP_MAX_LINES = 340;
/** /proc/self/uid_map → which user namespace this is; null if malformed. */
function parseUidMap(text) {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0 || lines.length > UID_MAP_MAX_LINES)
        return null;
    const rows = [];
    for (const line of lines) {
        const m = /^\s*(\d{1,10})\s+(\d{1,10})\s+(\d{1,10})\s*$/.exec(line);
        if (!m)
            return null;
        rows.push([Number(m[1]), Number(m[2]), Number(m[3])]);
    }
    const initial = rows.length === 1 &&
        rows[0]?.every((n, i) => n === INITIAL_UID_MAP[i]) === true;
    return { initial, uidMap: rows.map((r) => r.join(' ')).join('; ') };
}
function hasCapability(status, bit) {
    const m = /^CapEff:\s*([0-9a-f]+)\s*$/im.exec(status);
    if (!m)
        return null;
    return ((BigInt('0x' + m[1]) >> bit) & 1n) === 1n;
}
/**
 * Several independent signals, since none is reliable alone: Docker's and
 * Podman's marker files, container runtimes in PID 1's cgroup, an overlay
 * root filesystem, and the `container` variable systemd-nspawn/LXC set.
 */
async function detectContainer(root) {
    return detectContainerIn(hostTree(root));
}
async function detectContainerIn(tree) {
    const signals = [];
    const exists = async (rel) => tree.live
        ? promises_.access(external_node_path_.join(tree.root, rel)).then(() => true, () => false)
        : treeHasFile(tree.root, rel);
    const text = async (rel) => {
        const fact = await readText(tree, rel);
        return fact.ok ? fact.value : null;
    };
    if (await exists(F.dockerenv))
        signals.push('/.dockerenv exists');
    if (await exists(F.containerenv))
        signals.push('/run/.containerenv exists');
    const cgroup = await text(F.cgroup);
    const runtime = cgroup && /\b(docker|kubepods|containerd|libpod|lxc)\b/.exec(cgroup);
    if (runtime)
        signals.push(`/proc/1/cgroup names ${runtime[1]}`);
    const mountinfo = await text(F.mountinfo);
    if (mountinfo && /^\S+ \S+ \S+ \S+ \/ \S+ .* - overlay /m.test(mountinfo)) {
        signals.push('the root filesystem is overlay');
    }
    const environ = await text(F.environ);
    const env = environ && /(?:^|\0)container=([^\0]+)/.exec(environ);
    if (env) {
        // The value reaches reports: shown only when it is a plain name.
        const name = /^[\w.-]{1,64}$/.test(env[1]) ? env[1] : null;
        signals.push(name
            ? `PID 1 has container=${name}`
            : 'PID 1 has a container variable (its value is not a plain name)');
    }
    return { detected: signals.length > 0, signals };
}
/** `go env GOVERSION` from the toolchain on PATH, unless the input says. */
async function detectGo(live, input) {
    if (input)
        return {
            version: input,
            source: 'input',
            note: 'from the go-version input',
        };
    if (!live) {
        return {
            version: null,
            source: 'not detected',
            note: 'a captured host: no toolchain to ask',
        };
    }
    // In its own group under the probe deadline: a `go` wrapper (a version
    // manager's shim, a toolchain download) must not hold the audit for ever.
    const deadline = (0,spawn/* probeDeadlineSeconds */.IK)();
    const run = async (args) => {
        try {
            const r = await (0,spawn/* runInGroup */.Se)('go', args, deadline * 1000);
            const out = r.stdout.trim();
            if (r.timedOut) {
                const message = `"go ${args.join(' ')}" did not finish within ${deadline} s and was killed; set go-version`;
                return { out, err: { message, timedOut: true } };
            }
            if (r.code !== 0) {
                const last = r.stderr.trim().split('\n')[0];
                const message = `"go ${args.join(' ')}" ${r.code === null ? `was killed by ${r.signal}` : `exited ${r.code}`}${last ? `: ${last}` : ''}`;
                return { out, err: { message } };
            }
            return { out, err: null };
        }
        catch (err) {
            const e = err;
            return { out: '', err: { code: e.code, message: e.message } };
        }
    };
    // GOVERSION exists since Go 1.16; older go commands print an empty line
    // for it, so they are asked `go version` ("go version go1.14.4 linux/amd64").
    const env = await run(['env', 'GOVERSION']);
    if (env.err?.code === 'ENOENT') {
        return { version: null, source: 'not detected', note: 'no go on PATH' };
    }
    if (!env.err && env.out) {
        return {
            version: env.out,
            source: 'go env GOVERSION',
            note: 'from the go on PATH',
        };
    }
    // A go that did not answer once is not asked again: once is the cost.
    const v = env.err?.timedOut ? { out: '', err: null } : await run(['version']);
    const m = /^go version (go\S+)/.exec(v.out);
    if (!v.err && m) {
        return {
            version: m[1],
            source: 'go version',
            note: 'from the go on PATH',
        };
    }
    const why = (env.err ?? v.err)?.message.split('\n')[0] ?? 'no version in its output';
    return {
        version: null,
        source: 'not detected',
        note: `go on PATH, but: ${why}`,
    };
}

;// CONCATENATED MODULE: ./build/src/reproducer.js

/** `--mlock-probe BYTES`: lock that much and say whether it worked. */
function mlockProbeArgs(bytes) {
    return ['--mlock-probe', String(bytes)];
}
/** The positive control: corrupt the frame on this share of deliveries. */
const SELF_TEST_INJECT_EVERY = 4;
// It stops at the first corruption; the limit only matters on a busy machine.
const SELF_TEST_SECONDS = 10;
/** Grace beyond the requested duration before the group is killed. */
const DEADLINE_GRACE_MS = 10_000;
function planRun(reproduce, finding) {
    if (reproduce === 'never')
        return { run: false, why: 'reproduce: never' };
    if (reproduce === 'always')
        return { run: true, why: 'reproduce: always' };
    if (finding === 'clear') {
        return {
            run: false,
            why: 'reproduce: auto, and the kernel is already settled as unaffected',
        };
    }
    if (finding === 'not-applicable') {
        return {
            run: false,
            why: 'reproduce: auto, and the bug cannot happen on this machine',
        };
    }
    return {
        run: true,
        why: `reproduce: auto, and the kernel is ${finding === 'buggy' ? 'in the affected range' : 'not settled'}`,
    };
}
/**
 * The folder io mode keeps its signal stack's file in: one of the job's own
 * on a disk, RUNNER_TEMP, else the workspace, else TMPDIR. The reproducer
 * refuses a memory-only file system (tmpfs, ramfs) and says why.
 */
function ioFolder(env) {
    return env.RUNNER_TEMP || env.GITHUB_WORKSPACE || env.TMPDIR || '/tmp';
}
/** `--io-dir` where the mode may be io (asked for, or auto's choice). */
function ioArgs(mode, ioDir) {
    return mode === 'io' || mode === 'auto' ? ['--io-dir', ioDir] : [];
}
function selfTestArgs(mode, ioDir) {
    return [
        '--mode',
        mode,
        ...ioArgs(mode, ioDir),
        '--duration',
        String(SELF_TEST_SECONDS),
        '--inject',
        String(SELF_TEST_INJECT_EVERY),
    ];
}
function realRunArgs(mode, duration, drill, ioDir) {
    const args = [
        '--mode',
        mode,
        ...ioArgs(mode, ioDir),
        '--duration',
        String(duration),
    ];
    // Stop at ample evidence where the mode can clear; stress runs its time.
    const stopAt = mode !== 'auto' && LAB_CALIBRATION[mode].clears
        ? deliveriesFor(mode, STOP_MISS_PROBABILITY)
        : null;
    if (stopAt !== null)
        args.push('--events', String(stopAt));
    if (drill)
        args.push('--inject', String(SELF_TEST_INJECT_EVERY));
    return args;
}

;// CONCATENATED MODULE: ./build/src/capturedruns.js
// The reproducer's runs that scripts/capture.sh kept beside a captured
// host's files: read as hostile input (they came from another machine),
// each line checked against what the capture would have run on that tree's
// kernel, then judged exactly as a live run's lines are.





/**
 * What scripts/capture.sh writes beside the host's files, under a folder no
 * host file lives in: the reproducer's JSON lines (the self-test's, then the
 * real run's) and its notes (key=value lines: script, date, uname, compiler,
 * exit statuses).
 */
const CAPTURED_RUNS_FILE = 'sigvec/reproducer.jsonl';
const CAPTURE_NOTES_FILE = 'sigvec/capture.txt';
/** A result line is at most some 60 KiB (256 tasks of counters); two of them. */
const CAPTURED_RUNS_MAX_BYTES = 512 * 1024;
const CAPTURE_NOTES_MAX_BYTES = 16 * 1024;
/** The self-test's line, then the real run's: no more. */
const CAPTURED_RUNS_MAX_LINES = 2;
/** The longest string a captured line may hold, and how deep it nests. */
const CAPTURED_TEXT_MAX = 4096;
const CAPTURED_DEPTH_MAX = 4;
const CAPTURED_ITEMS_MAX = 1024;
const RESULTS = ['clean', 'corrupted', 'crashed', 'unsupported', 'error'];
const COUNTERS = [
    'seconds',
    'signals',
    'faultingDeliveries',
    'liveFaultingDeliveries',
    'timeToFirstMismatch',
    'injected',
];
/** Why a value from a captured line is not what the reproducer writes. */
function shapeProblem(v, at, depth) {
    if (typeof v === 'string')
        return plainText(v, CAPTURED_TEXT_MAX) === v
            ? null
            : `${at} holds control characters or is over ${CAPTURED_TEXT_MAX} characters`;
    if (typeof v === 'number')
        return Number.isFinite(v) ? null : `${at} is not a number`;
    if (v === null || typeof v === 'boolean')
        return null;
    if (depth >= CAPTURED_DEPTH_MAX)
        return `${at} nests too deep`;
    const entries = Object.entries(v);
    if (entries.length > CAPTURED_ITEMS_MAX)
        return `${at} holds too many items`;
    for (const [k, item] of entries) {
        const why = shapeProblem(item, `${at}.${k}`, depth + 1);
        if (why)
            return why;
    }
    return null;
}
/**
 * Why a captured line cannot count, or null: it must be a result line of
 * the reproducer's shape, made on the tree's kernel, with the arguments
 * the audit gives that stage (so a run cannot claim an --events stop in a
 * mode that never clears, or be a drill).
 */
function capturedLineProblem(line, stage, kernel) {
    const shape = shapeProblem(line, 'the line', 0);
    if (shape)
        return shape;
    if (line.version !== 1)
        return `version ${String(line.version)}, not 1`;
    if (!RESULTS.includes(line.result))
        return `result "${line.result}" is not one of ${RESULTS.join(', ')}`;
    for (const key of COUNTERS) {
        const n = line[key];
        if (n !== undefined && n !== null && !(typeof n === 'number' && n >= 0))
            return `${key} is not a count`;
    }
    if ((line.liveFaultingDeliveries ?? 0) > (line.faultingDeliveries ?? 0))
        return 'more live faulting deliveries than faulting deliveries';
    const u = line.uname;
    if (typeof u?.release !== 'string' || typeof u.version !== 'string')
        return 'it does not say which kernel it ran on (uname)';
    if (kernel.release === null || kernel.version === null)
        return 'the tree does not say its kernel (proc/sys/kernel/osrelease and version), so the run cannot be matched to it';
    if (u.release !== kernel.release || u.version !== kernel.version)
        return `made on another kernel (${u.release} ${u.version}) than the tree's (${kernel.release} ${kernel.version})`;
    if (line.result === 'unsupported' || line.result === 'error')
        return null;
    if (!isRunMode(line.mode))
        return `mode "${String(line.mode)}" is not one of uffd, io, stress`;
    const given = line.settings ?? {};
    const expected = stage === 'self-test'
        ? selfTestArgs(line.mode, '')
        : realRunArgs(line.mode, Number(given.duration), false, '');
    const wanted = (flag) => {
        const i = expected.indexOf(flag);
        return i < 0 ? 0 : Number(expected[i + 1]);
    };
    for (const [flag, key] of [
        ['--events', 'events'],
        ['--inject', 'inject'],
    ]) {
        if (given[key] !== wanted(flag))
            return `the ${stage} ran with ${flag} ${String(given[key] ?? 'unknown')}, where the capture gives ${line.mode} mode's ${stage} ${wanted(flag) ? `${flag} ${wanted(flag)}` : `no ${flag}`}`;
    }
    return null;
}
/** The capture's notes: key=value lines; a value that is not plain is left out. */
function parseNotes(text) {
    const notes = new Map();
    for (const line of text.split('\n')) {
        const eq = line.indexOf('=');
        const value = plainText(line.slice(eq + 1), 1024);
        if (eq > 0 && value !== null)
            notes.set(line.slice(0, eq), value);
    }
    return notes;
}
/** "captured on <uname -a> at <date> by scripts/capture.sh <version>". */
function captureOrigin(notes, hostname) {
    const script = notes.get('script') ?? '';
    const date = notes.get('date') ?? '';
    const by = /^scripts\/capture\.sh [\w.+-]{1,64}$/.test(script)
        ? script
        : 'scripts/capture.sh';
    const at = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(date)
        ? date
        : 'an unknown time';
    const on = notes.get('uname') ?? hostname ?? 'an unknown host';
    return `captured on ${on} at ${at} by ${by}`;
}
/**
 * Pure: a capture's runs file → evidence, judged as a live run's would be
 * (evidenceFromRuns). A file that is not what the script writes counts as
 * no evidence, with the reason.
 */
function evidenceFromCapture(input) {
    const refused = (why) => ({
        ...EMPTY_EVIDENCE,
        result: 'error',
        reason: `${CAPTURED_RUNS_FILE} not counted: ${why}`,
        origin: input.origin,
    });
    const raw = input.text.split('\n').filter((l) => l.trim() !== '');
    if (raw.length === 0)
        return refused('it holds no line');
    if (raw.length > CAPTURED_RUNS_MAX_LINES)
        return refused(`${raw.length} lines, where the capture writes at most ${CAPTURED_RUNS_MAX_LINES} (the self-test's, then the real run's)`);
    const lines = [];
    for (const [i, text] of raw.entries()) {
        const line = parseResultLine(text);
        const why = line
            ? capturedLineProblem(line, i === 0 ? 'self-test' : 'real run', input.kernel)
            : 'not a result line of the reproducer';
        if (why || !line)
            return refused(`line ${i + 1}: ${why}`);
        lines.push(line);
    }
    const stage = (line) => ({
        run: {
            code: null,
            signal: null,
            stdout: '',
            stderr: '',
            timedOut: false,
            seconds: line.seconds ?? 0,
        },
        line,
        deadlineMs: 0,
    });
    const [selfTest, real] = lines;
    const evidence = evidenceFromRuns({
        build: {
            ok: true,
            binary: '',
            cacheHit: false,
            key: '',
            compiler: input.compiler ?? 'unknown',
            seconds: 0,
        },
        selfTest: stage(selfTest),
        real: real ? stage(real) : null,
        drill: false,
        kernelVersion: input.kernel.version,
    });
    const build = evidence.build && {
        ...evidence.build,
        seconds: null,
        key: null,
    };
    return { ...evidence, build, origin: input.origin };
}
/**
 * The evidence of the runs scripts/capture.sh kept in a captured tree,
 * read as hostile input (rootfs.ts: no links, regular files, bounded);
 * null when the tree holds none.
 */
async function readCapturedEvidence(facts) {
    const root = await promises_.realpath(facts.root).catch(() => facts.root);
    const read = (rel, max) => readTreeFile(root, rel, max).then((text) => ({ ok: true, text }), (err) => ({
        ok: false,
        missing: err.code === 'ENOENT',
        why: describeReadError(err),
    }));
    const runs = await read(CAPTURED_RUNS_FILE, CAPTURED_RUNS_MAX_BYTES);
    if (!runs.ok && runs.missing)
        return null;
    const notesFile = await read(CAPTURE_NOTES_FILE, CAPTURE_NOTES_MAX_BYTES);
    const notes = notesFile.ok ? parseNotes(notesFile.text) : new Map();
    const value = (f) => f.ok ? f.value : null;
    const origin = captureOrigin(notes, value(facts.hostname));
    if (!runs.ok)
        return {
            ...EMPTY_EVIDENCE,
            result: 'error',
            reason: `${CAPTURED_RUNS_FILE} not counted: ${runs.why}`,
            origin,
        };
    return evidenceFromCapture({
        text: runs.text,
        origin,
        compiler: notes.get('compiler') ?? null,
        kernel: {
            release: value(facts.release),
            version: value(facts.unameVersion),
        },
    });
}

;// CONCATENATED MODULE: ./build/src/report.js




const REPORT_SCHEMA = 'sigvec-check/report';
const REPORT_VERSION = 1;
function buildReport(p) {
    const f = p.facts;
    const value = (fact) => (fact.ok ? fact.value : null);
    return {
        schema: REPORT_SCHEMA,
        version: REPORT_VERSION,
        tool: { name: 'sigvec-check', version: p.toolVersion },
        generatedAt: p.now.toISOString(),
        host: {
            name: value(f.hostname),
            root: f.root,
            live: f.live,
            os: value(f.os)?.prettyName ?? null,
            arch: value(f.arch),
            cpu: value(f.cpu),
            container: f.container,
            facts: factRecords(f),
        },
        status: p.verdict.status,
        headline: p.verdict.headline,
        reasons: p.verdict.reasons,
        kernel: p.assessment.kernel,
        go: p.assessment.go,
        reproducer: p.evidence,
        mitigations: p.verdict.mitigations,
        policy: { failOn: p.options.failOn, mitigate: p.options.mitigate },
        decision: p.decision,
        reportPath: p.options.reportPath,
    };
}
function factRecords(f) {
    const rows = [
        ['kernel release', f.release, String],
        ['/proc/version', f.procVersion, String],
        ['uname -v', f.unameVersion, String],
        ['Ubuntu signature', f.versionSignature, String],
        ['architecture', f.arch, String],
        ['CPU', f.cpu, (c) => cpuText(c)],
        [
            'RLIMIT_MEMLOCK',
            f.memlock,
            (m) => `soft ${formatLimit(m.soft)}, hard ${formatLimit(m.hard)}`,
        ],
        ['CAP_IPC_LOCK', f.capIpcLock, (b) => (b ? 'yes' : 'no')],
        // The capability lifts the limit only in the initial user namespace.
        ['user namespace', f.userNamespace, userNamespaceText],
    ];
    const records = rows.map(([name, fact, show]) => ({
        name,
        source: fact.source,
        value: fact.ok ? show(fact.value) : null,
        error: fact.ok ? null : fact.error,
    }));
    records.push(mlockProofRecord(f.mlockProof ?? null));
    records.push({
        name: 'Go toolchain',
        source: f.go.source,
        value: f.go.version,
        error: f.go.version ? null : f.go.note,
    });
    return records;
}
function userNamespaceText(ns) {
    return `${ns.initial ? 'initial' : 'not the initial one'} (uid_map ${ns.uidMap})`;
}
/** The mlock the audit tried itself, which outweighs the limit's reading. */
const MLOCK_PROBE_SOURCE = 'sigvec-repro --mlock-probe';
function mlockProofRecord(proof) {
    if (!proof) {
        return {
            name: 'real mlock',
            source: MLOCK_PROBE_SOURCE,
            value: null,
            error: 'not tried, or no answer: it is tried only on the audited machine itself, where Go 1.14–1.15 would lock memory',
        };
    }
    return {
        name: 'real mlock',
        source: MLOCK_PROBE_SOURCE,
        value: proof.ok
            ? `${proof.bytes} bytes locked`
            : `${proof.bytes} bytes refused (errno ${proof.errno ?? 'unknown'})`,
        error: null,
    };
}
function cpuText(c) {
    const vec = [c.avx && 'AVX', c.avx2 && 'AVX2', c.avx512f && 'AVX-512'].filter(Boolean);
    return `${c.model ?? c.vendor ?? 'x86'} (${vec.length ? vec.join(', ') : 'no AVX'})`;
}
/** The action's outputs, every one always set ('' when not known). */
function reportOutputs(r, reportFile) {
    const str = (v) => v === null ? '' : String(v);
    return {
        status: r.status,
        'kernel-release': str(r.kernel.release),
        'kernel-version': str(r.kernel.level),
        'kernel-compiler': str(r.kernel.compiler),
        'in-affected-range': str(r.kernel.inAffectedRange),
        reproducer: r.reproducer.result,
        'reproducer-mode': str(r.reproducer.mode),
        'go-workaround': r.go.workaround,
        'memlock-limit': str(r.go.memlockSoft),
        'memlock-sufficient': str(r.go.memlockSufficient),
        mitigation: r.decision.mitigation,
        godebug: str(r.decision.godebug),
        report: str(reportFile),
    };
}
/** At most a few annotations: an error to fail on, warnings for risks. */
function reportAnnotations(r) {
    const out = [];
    const drill = r.reproducer.drill ? 'DRILL — ' : '';
    const missing = r.decision.evidenceMissing;
    if (missing !== null) {
        out.push({
            level: 'error',
            title: 'sigvec-check: reproduce: always, but no evidence',
            message: `reproduce is always, but the reproducer gave no evidence: ${missing}. The step fails, since evidence was asked for; remove the cause, or set reproduce to auto.`,
        });
    }
    if (r.decision.failing && r.decision.mitigation === 'none') {
        out.push({
            level: 'error',
            title: `${drill}sigvec-check: ${r.status}`,
            message: `${r.headline} ${firstFix(r)}`.trim(),
        });
    }
    else if (r.decision.mitigation === 'godebug') {
        out.push({
            level: 'warning',
            title: `${drill}sigvec-check: ${r.status} — mitigated`,
            message: `${r.headline} Later steps run with GODEBUG=${r.decision.godebug}; this makes corruption rarer, not impossible. ${firstFix(r)}`.trim(),
        });
    }
    else if (r.status === 'affected' ||
        r.status === 'vulnerable' ||
        r.status === 'unknown') {
        out.push({
            level: 'warning',
            title: `sigvec-check: ${r.status}`,
            message: r.headline,
        });
    }
    const unsettled = missing === null &&
        (r.kernel.finding === 'buggy' || r.kernel.finding === 'unknown');
    const noEvidence = r.reproducer.result === 'skipped' || r.reproducer.result === 'error';
    if (unsettled && noEvidence) {
        out.push({
            level: 'warning',
            title: `sigvec-check: reproducer ${r.reproducer.result}`,
            message: `No evidence from the reproducer: ${r.reproducer.reason}. The verdict rests on the version check alone.`,
        });
    }
    const go = r.go;
    if (mlockFails(go)) {
        out.push({
            level: 'warning',
            title: 'sigvec-check: memlock too low for Go 1.14–1.15',
            message: go.reasons.at(-1)?.message ?? '',
        });
    }
    return out.slice(0, 3);
}
function firstFix(r) {
    // A drill's kernel was not judged by it: no advice to change it.
    if (r.reproducer.drill)
        return '';
    const m = r.mitigations.find((x) => x.id === 'upgrade-kernel');
    return m ? `Fix: ${m.detail}` : '';
}
/*
 * The words every renderer shares (the job summary in summary.ts, the
 * terminal text below), so a fact reads the same wherever it appears.
 */
function yesNo(v) {
    return v === null ? 'unknown' : v ? 'yes' : 'no';
}
function levelSourceText(k) {
    switch (k.levelSource) {
        case 'ubuntu-signature':
            return 'from /proc/version_signature';
        case 'debian-version':
            return "from Debian's package version";
        case 'release':
            return 'from the release';
        default:
            return null;
    }
}
/** "1.14.0", or the worst case assumed when the version is not known. */
function goText(go) {
    return go.goVersion
        ? goVersionText(go.goVersion)
        : 'unknown (judged as the worst case, 1.14.0)';
}
/** What the Go runtime will do on this kernel, in words. */
function workaroundText(go) {
    switch (go.workaround) {
        case 'inactive':
            return 'none (only Go 1.14–1.15 on x86 have it)';
        case 'not-triggered':
            return 'not used (the runtime reads this kernel as fixed)';
        case 'mlock':
            return 'locks each thread’s signal stack, and may';
        case 'mlock-fails-fatal':
            return 'locks each thread’s signal stack, but may not (Go 1.14.0 dies)';
        case 'mlock-fails-silent':
            return 'locks each thread’s signal stack, but may not (it stops locking and leaves threads exposed)';
        case 'unknown':
            return 'unknown';
    }
}
/** "8 MiB; Go needs 256 KiB for 64 threads: enough". */
function memlockText(go) {
    const enough = go.memlockSufficient === null
        ? 'unknown whether enough'
        : go.memlockSufficient
            ? 'enough'
            : 'too low';
    return `${formatLimit(go.memlockSoft)}; Go 1.14–1.15 need ${formatBytes(go.memlockNeeded)} for ${go.memlockThreads} threads: ${enough}`;
}
/** The run in one line: "corrupted: uffd mode, 0.01 s, 5 faulting deliveries". */
function reproducerText(e) {
    return e.origin ? `${runText(e)} (${e.origin})` : runText(e);
}
function runText(e) {
    const drill = e.drill ? ' (DRILL)' : '';
    switch (e.result) {
        case 'skipped':
            return `skipped (${e.reason})`;
        case 'error':
            return `error: ${e.reason}`;
        default: {
            const parts = [
                `${e.mode ?? 'unknown'} mode`,
                e.seconds === null ? null : formatSeconds(e.seconds),
                `${e.faultingDeliveries ?? 0} faulting deliveries (${e.liveFaultingDeliveries ?? 0} live)`,
                e.missBasis !== null ? `miss probability ${missText(e)}` : null,
                e.crashes.length ? crashSummary(e.crashes) : null,
            ].filter(Boolean);
            return `${e.result}${drill}: ${parts.join(', ')}${e.leak ? `; ${e.leak}` : ''}`;
        }
    }
}
/** What the policy made of the status. */
function decisionText(r) {
    const owed = r.decision.evidenceMissing !== null;
    const owing = 'the step fails (reproduce: always, and no evidence)';
    if (r.decision.failing && r.decision.mitigation === 'none')
        return `the step fails (fail-on: ${r.policy.failOn})`;
    if (r.decision.mitigation === 'godebug')
        return `mitigated: later steps get GODEBUG=${r.decision.godebug}${owed ? `; ${owing}` : ''}`;
    if (owed)
        return owing;
    return `the step passes (fail-on: ${r.policy.failOn})`;
}
/** The CLI's terminal text: the summary's facts and sentences, plainer. */
function renderText(r) {
    const k = r.kernel;
    const go = r.go;
    const out = [];
    out.push(`sigvec-check: ${r.status.toUpperCase()}${r.reproducer.drill ? ' (DRILL)' : ''}`);
    out.push(`  ${r.headline}`, '');
    const row = (label, v) => out.push(`  ${label.padEnd(18)} ${v ?? '—'}`);
    row('host', [r.host.name, r.host.os, r.host.arch].filter(Boolean).join(', ') || null);
    row('kernel release', k.release);
    row('upstream level', k.level && `${k.level} (${levelSourceText(k)})`);
    row('built by', k.compiler);
    row('affected range', yesNo(k.inAffectedRange));
    row('cpu', r.host.cpu ? cpuText(r.host.cpu) : null);
    row('container', r.host.container.detected
        ? `yes: ${r.host.container.signals.join('; ')}`
        : 'no');
    row('reproducer', reproducerText(r.reproducer));
    row('go', `${goText(go)}; mlock workaround ${workaroundText(go)}`);
    row('memlock', memlockText(go));
    row('decision', decisionText(r));
    out.push('', 'why:');
    for (const reason of [...r.reasons, ...go.reasons])
        out.push(`  - ${reason.message}`);
    if (r.mitigations.length > 0 && !r.reproducer.drill) {
        out.push('', 'what to do:');
        for (const m of r.mitigations) {
            out.push(`  * ${m.title}: ${m.detail}`);
            for (const c of m.commands)
                out.push(`      ${c.label}: ${c.text.replace(/\n/g, '\n        ')}`);
        }
    }
    else if (r.reproducer.drill) {
        out.push('', 'what to do:', '  * Nothing to fix: this was a drill; the reproducer injected the corruption itself.');
    }
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./build/src/status.js
// The status vocabulary (DESIGN.md: one word, used everywhere) and the
// `fail-on` levels that draw the failing line through it. Both the inputs
// (which accept a level) and the verdict (which picks a status) speak it,
// so it sits below them both.
const STATUSES = [
    'affected',
    'vulnerable',
    'unaffected',
    'not-applicable',
    'unknown',
];
const FAIL_ON = ['affected', 'vulnerable', 'unknown', 'never'];
/** Statuses that each `fail-on` level treats as failing. */
const FAILING = {
    affected: ['affected'],
    vulnerable: ['affected', 'vulnerable'],
    unknown: ['affected', 'vulnerable', 'unknown'],
    never: [],
};
/** Whether `status` is at the `fail-on` level or worse. */
function crossesFailOn(status, failOn) {
    return FAILING[failOn].includes(status);
}

;// CONCATENATED MODULE: ./build/src/verdict.js
// Pure: assessment + reproducer evidence → one status with its reasons and
// the mitigations that fit; and the policy step that turns a status into
// "fail the step" or "switch later steps to the mitigation".






/** The wiki's suggestion, 64 MiB, unless the threads need more. */
const RECOMMENDED_MEMLOCK_BYTES = 64 * 1024 * 1024;
function decideVerdict(assessment, evidence) {
    const k = assessment.kernel;
    const reasons = [...k.reasons];
    const drill = evidence.drill ? ' (DRILL: injected on purpose)' : '';
    let status;
    if (k.finding === 'not-applicable') {
        status = 'not-applicable';
    }
    else if (evidence.result === 'corrupted') {
        status = 'affected';
        reasons.push({
            code: evidence.drill ? 'drill-corruption' : 'reproducer-corrupted',
            message: `The reproducer saw registers corrupted${evidence.leak ? `: ${evidence.leak}` : ''}${drill}.`,
        });
    }
    else {
        const cleared = evidence.result === 'clean' && evidence.enoughEvents;
        status =
            cleared || k.finding === 'clear'
                ? 'unaffected'
                : k.finding === 'buggy'
                    ? 'vulnerable'
                    : 'unknown';
        const ran = `${evidence.liveFaultingDeliveries ?? 0} live faulting signal deliveries in ${evidence.seconds === null ? 'an unknown time' : formatSeconds(evidence.seconds)} (${evidence.mode} mode)`;
        const miss = evidence.missProbability !== null
            ? `a kernel with the bug would have stayed clean with probability ${missText(evidence)}`
            : evidence.missBasis !== null
                ? `how likely a kernel with the bug would have stayed clean is unknown (${evidence.missBasis})`
                : null;
        if (evidence.result === 'clean') {
            reasons.push(cleared
                ? {
                    code: 'reproducer-clean',
                    message: `The reproducer ran ${ran} without corruption${k.finding === 'clear' ? ', as expected' : ''}; ${miss}.`,
                }
                : {
                    code: 'reproducer-too-little',
                    message: `The reproducer stayed clean over ${ran}${miss ? `, but ${miss}` : ''}; clearing a kernel takes ${clearingText(evidence)}.`,
                });
        }
        if (evidence.crashes.length > 0) {
            reasons.push({
                code: 'reproducer-crashed',
                message: `The reproducer had ${crashSummary(evidence.crashes)}, and no corruption was seen. In the lab such a crash is not a sign of the bug (one, on the fixed kernel, in about 560 000 deliveries; none on the buggy one), but a run that ended this way does not clear a kernel either.`,
            });
        }
    }
    return {
        status,
        headline: headline(status, assessment, evidence),
        reasons,
        mitigations: pickMitigations(status, assessment),
    };
}
function headline(status, a, e) {
    const kernel = a.kernel.release ? `Linux ${a.kernel.release}` : 'This kernel';
    switch (status) {
        case 'affected':
            return e.drill
                ? `DRILL: the reproducer injected corruption on purpose to rehearse this workflow's reaction; ${kernel} itself was not judged by it.`
                : `${kernel} corrupted AVX registers under signals in the reproducer.`;
        case 'vulnerable':
            return `${kernel} looks affected by the AVX signal-stack bug (upstream ${a.kernel.level}, ${a.kernel.compiler}).`;
        case 'unaffected':
            return `${kernel} does not have the AVX signal-stack bug.`;
        case 'not-applicable':
            return `${kernel} cannot have the bug here: ${a.kernel.reasons[0]?.message ?? ''}`.trim();
        case 'unknown':
            return `${kernel} could not be judged: the facts needed could not be read.`;
    }
}
function pickMitigations(status, a) {
    const out = [];
    if (status === 'affected' || status === 'vulnerable') {
        out.push({
            id: 'upgrade-kernel',
            title: 'Upgrade the kernel',
            detail: `Boot ${a.kernel.fixedIn ? `${a.kernel.fixedIn}+` : FIXED_LEVELS.map((l) => `${l}+`).join(', ')} or ${FIXED_SINCE_SERIES}+, or a distribution build with commit 59c4bd853abc. Containers share the host's kernel: upgrade the host.`,
            commands: [],
        });
        out.push({
            id: 'godebug-asyncpreemptoff',
            title: 'Make Go send fewer signals',
            detail: 'GODEBUG=asyncpreemptoff=1 (Go 1.14+) turns off signal-based preemption: corruption becomes rarer, not impossible.',
            commands: [{ label: 'environment', text: 'GODEBUG=asyncpreemptoff=1' }],
        });
    }
    const go = a.go;
    if (assess_mlockFails(go)) {
        const bytes = Math.max(go.memlockNeeded, RECOMMENDED_MEMLOCK_BYTES);
        out.push({
            id: 'raise-memlock',
            title: 'Raise the locked-memory limit',
            detail: `Go 1.14–1.15 need ${formatBytes(go.memlockNeeded)} for ${go.memlockThreads} threads; the limit is ${formatLimit(go.memlockSoft)}. Note the units: ulimit -l counts KiB, Docker counts bytes.`,
            commands: memlockCommands(bytes),
        });
    }
    return out;
}
function memlockCommands(bytes) {
    const kib = Math.ceil(bytes / 1024);
    return [
        { label: 'shell (KiB)', text: `ulimit -l ${kib}` },
        { label: 'systemd unit of the runner', text: `LimitMEMLOCK=${bytes}` },
        {
            label: 'docker run (bytes)',
            text: `docker run --ulimit memlock=${bytes}:${bytes} …`,
        },
        {
            label: 'workflow `container:` (bytes)',
            text: `options: --ulimit memlock=${bytes}:${bytes}`,
        },
        {
            label: '/etc/docker/daemon.json (bytes)',
            text: JSON.stringify({
                'default-ulimits': {
                    memlock: { Name: 'memlock', Soft: bytes, Hard: bytes },
                },
            }),
        },
    ];
}
/**
 * Why evidence that `reproduce: always` asked for is missing (the reproducer
 * was skipped or failed), or null. A machine where the bug cannot happen
 * (not-applicable: not Linux, no AVX) owes no evidence.
 */
function missingEvidence(reproduce, status, evidence) {
    if (reproduce !== 'always' || status === 'not-applicable')
        return null;
    return evidence.result === 'skipped' || evidence.result === 'error'
        ? evidence.reason
        : null;
}
function decide(status, policy, currentGodebug, evidenceMissing = null) {
    const failing = crossesFailOn(status, policy.failOn);
    const risky = status === 'affected' || status === 'vulnerable';
    // GODEBUG answers the bug, not a reproducer that could not run.
    const unproven = evidenceMissing !== null;
    if (policy.mitigate && (failing || risky)) {
        return {
            failing,
            fail: unproven,
            godebug: mergeGodebug(currentGodebug, 'asyncpreemptoff', '1'),
            mitigation: 'godebug',
            evidenceMissing,
        };
    }
    return {
        failing,
        fail: failing || unproven,
        godebug: null,
        mitigation: 'none',
        evidenceMissing,
    };
}
/** Sets one key in a comma-separated GODEBUG, keeping every other setting. */
function mergeGodebug(current, key, value) {
    const parts = (current ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== '');
    const kept = parts.filter((p) => p.split('=')[0] !== key);
    return [...kept, `${key}=${value}`].join(',');
}

;// CONCATENATED MODULE: ./build/src/version.js
// The tool's version, as package.json has it (a test keeps them equal).
const TOOL_VERSION = '1.0.0';

;// CONCATENATED MODULE: ./build/src/audit.js
// The one pipeline both front doors run: host facts → assessment →
// reproducer evidence → verdict → policy → Report.









const value = (fact) => (fact.ok ? fact.value : null);
/** Go locks memory here: the only case a real mlock has to settle. */
const GO_LOCKS = new Set(['mlock', 'mlock-fails-fatal', 'mlock-fails-silent']);
/**
 * Whether the audit proves the memlock answer with a real mlock: on this
 * machine only (a captured host is judged by what it recorded), when Go
 * 1.14–1.15 would lock memory here, and unless the workflow asked for no
 * native code at all (reproduce: never).
 */
function needsMlockProof(facts, assessment, options) {
    return (facts.live &&
        facts.platform === 'linux' &&
        options.reproduce !== 'never' &&
        GO_LOCKS.has(assessment.go.workaround));
}
async function audit(options, ctx) {
    let facts = await readHostFacts({
        root: options.root,
        goVersion: options.goVersion,
    });
    const judge = (f) => assess(f, { memlockThreads: options.memlockThreads });
    let assessment = judge(facts);
    // A captured host is judged by the runs captured with it, if any.
    const captured = facts.live ? null : await readCapturedEvidence(facts);
    const plan = !facts.live
        ? {
            run: false,
            why: 'the host is a --root capture; it runs only on the machine itself',
        }
        : facts.platform !== 'linux'
            ? {
                run: false,
                why: `this machine runs ${facts.platform}: the reproducer, like the bug, is Linux's`,
            }
            : options.drill
                ? { run: true, why: 'drill: true' }
                : planRun(options.reproduce, assessment.kernel.finding);
    const prove = needsMlockProof(facts, assessment, options);
    ctx.log(captured
        ? `reproducer: not run here; ${captured.result === 'error' ? captured.reason : `its runs were ${captured.origin}`}`
        : `reproducer: ${plan.run ? 'runs' : 'skipped'} (${plan.why})`);
    // A drill that did not run injected nothing: it is no drill.
    let evidence = captured ?? evidenceFromSkip(plan.why, options.drill && plan.run);
    if (plan.run || prove) {
        const build = await buildReproducer(options, ctx);
        try {
            if (prove && build.ok) {
                const proof = await proveMlock(build.binary, assessment.go.memlockNeeded, ctx);
                if (proof) {
                    facts = { ...facts, mlockProof: proof };
                    assessment = judge(facts);
                }
            }
            if (plan.run)
                evidence = build.ok
                    ? await runRemembered(build, options, ctx, value(facts.unameVersion))
                    : evidenceFromBuildFailure(build, options.drill);
        }
        finally {
            if (build.ok)
                await build.dispose();
        }
    }
    const verdict = decideVerdict(assessment, evidence);
    const decision = decide(verdict.status, options, ctx.godebug, missingEvidence(options.reproduce, verdict.status, evidence));
    return buildReport({
        toolVersion: TOOL_VERSION,
        facts,
        assessment,
        evidence,
        verdict,
        options,
        decision,
        now: ctx.now,
    });
}
async function buildReproducer(options, ctx) {
    // Loaded only when needed: a static audit never compiles.
    const { compileReproducer, nativeDir } = await __nccwpck_require__.e(/* import() */ 760).then(__nccwpck_require__.bind(__nccwpck_require__, 1760));
    const build = await compileReproducer({
        compiler: options.compiler,
        nativeDir: nativeDir(),
        tempDir: ctx.tempDir,
        toolCacheDir: ctx.toolCacheDir,
        names: ctx.folderNames,
    });
    if (!build.ok) {
        ctx.log(`reproducer: not built: ${build.reason}`);
        return build;
    }
    for (const note of build.notes)
        ctx.log(`reproducer: ${note}`);
    ctx.log(build.cacheHit
        ? `reproducer: tool cache hit (key ${build.key}, ${build.compiler})`
        : `reproducer: compiled in ${build.seconds.toFixed(2)} s with ${build.compiler}; ${build.cached ? 'cached' : 'not cached'} under key ${build.key}`);
    return build;
}
/**
 * A real mlock of `bytes` in this process's limits, user namespace and
 * capabilities, which the Go runtime will meet too; null (and a log line)
 * when the probe gave no answer, so the inference stands.
 */
async function proveMlock(binary, bytes, ctx) {
    const run = await runStage(binary, mlockProbeArgs(bytes), (0,spawn/* probeDeadlineSeconds */.IK)() * 1000);
    const proof = 'startFailure' in run ? null : parseMlockProbeLine(run.stdout);
    ctx.log(proof
        ? `memlock: a real mlock of ${proof.bytes} bytes ${proof.ok ? 'succeeded' : `failed (errno ${proof.errno})`}`
        : `memlock: the mlock probe gave no answer (${'startFailure' in run ? run.startFailure : `exit ${run.code}`}); judged by the limit and the capability`);
    return proof;
}
async function runRemembered(build, options, ctx, kernelVersion) {
    const recalled = await ctx.remembered?.recall(build.key);
    if (recalled)
        return recalled;
    const evidence = await runBuilt(build, options, ctx, kernelVersion);
    await ctx.remembered?.keep(build.key, evidence);
    return evidence;
}
/**
 * Runs the reproducer once; a program that could not even be started
 * (ENOENT, EACCES on a noexec mount, ETXTBSY…) is the reason, not a throw.
 */
async function runStage(binary, args, deadlineMs) {
    try {
        return await (0,spawn/* runInGroup */.Se)(binary, args, deadlineMs);
    }
    catch (err) {
        const code = err.code;
        if (!code)
            throw err;
        return {
            startFailure: `the reproducer could not be started (${code}): ${err.message}`,
        };
    }
}
/** The evidence of a reproducer that did not start, at either stage. */
function evidenceFromStartFailure(build, why, selfTest, drill) {
    return {
        ...EMPTY_EVIDENCE,
        result: 'error',
        reason: selfTest ? `the run failed: ${why}` : `self-test failed: ${why}`,
        drill,
        selfTest: selfTest ?? { passed: false, seconds: 0, detail: why },
        build: {
            ok: true,
            compiler: build.compiler,
            output: '',
            cacheHit: build.cacheHit,
            seconds: build.seconds,
            key: build.key,
        },
    };
}
/** The self-test, then the real run, of a built reproducer. */
async function runBuilt(build, options, ctx, 
/** uname -v, for what a clean run in a preemption-bound mode can say. */
kernelVersion = null) {
    const stDeadline = SELF_TEST_SECONDS * 1000 + DEADLINE_GRACE_MS;
    const stRun = await runStage(build.binary, selfTestArgs(options.mode, ctx.ioDir), stDeadline);
    if ('startFailure' in stRun) {
        ctx.log(`reproducer: self-test ${stRun.startFailure}`);
        return evidenceFromStartFailure(build, stRun.startFailure, null, options.drill);
    }
    const selfTest = {
        run: stRun,
        line: parseResultLine(stRun.stdout),
        deadlineMs: stDeadline,
    };
    const afterSelfTest = evidenceFromRuns({
        build,
        selfTest,
        real: null,
        drill: options.drill,
    });
    ctx.log(`reproducer: self-test ${afterSelfTest.selfTest?.detail ?? afterSelfTest.reason}`);
    if (!afterSelfTest.selfTest?.passed)
        return afterSelfTest;
    const deadline = options.duration * 1000 + DEADLINE_GRACE_MS;
    // Run in the mode the self-test resolved, so --events fits that mode.
    const resolved = selfTest.line?.mode;
    const mode = isRunMode(resolved) ? resolved : options.mode;
    const args = realRunArgs(mode, options.duration, options.drill, ctx.ioDir);
    ctx.log(`reproducer: ${build.binary} ${args.join(' ')}`);
    const run = await runStage(build.binary, args, deadline);
    if ('startFailure' in run) {
        ctx.log(`reproducer: ${run.startFailure}`);
        return evidenceFromStartFailure(build, run.startFailure, afterSelfTest.selfTest, options.drill);
    }
    const real = { run, line: parseResultLine(run.stdout), deadlineMs: deadline };
    return evidenceFromRuns({
        build,
        selfTest,
        real,
        drill: options.drill,
        kernelVersion,
    });
}

;// CONCATENATED MODULE: ./build/src/capture.js
// `capture`: freezes the files the audit reads into a folder, so the host
// can be audited later or elsewhere with --root, or added to a test corpus.
// Only what the audit needs is kept: the first processor of cpuinfo, the
// CapEff line of status, uid_map's ranges (whether CAP_IPC_LOCK counts
// depends on the user namespace), and the `container` variable of PID 1's
// environment (never the rest of it: it can hold secrets).
// scripts/capture.sh does the same in POSIX sh where Node cannot run, and
// keeps the reproducer's runs there; capturedruns.ts judges them.




const TRIM = {
    [HOST_FILES.cpuinfo]: (t) => (t.split(/\n\s*\n/)[0] ?? '') + '\n',
    [HOST_FILES.status]: (t) => t
        .split('\n')
        .filter((l) => l.startsWith('CapEff:'))
        .join('\n') + '\n',
    // "%10u %10u %10u" lines as the kernel pads them, to "inside outside
    // count": the map a later --root judges is the one read here.
    [HOST_FILES.uidMap]: (t) => t
        .split('\n')
        .map((l) => l.trim().split(/\s+/).join(' '))
        .filter(Boolean)
        .map((l) => l + '\n')
        .join(''),
    [HOST_FILES.environ]: (t) => t
        .split('\0')
        .filter((v) => v.startsWith('container='))
        .map((v) => v + '\0')
        .join(''),
};
async function captureHost(from, to) {
    const dir = external_node_path_.resolve(to);
    const existing = await promises_.readdir(dir).catch((err) => {
        if (err.code === 'ENOENT')
            return null;
        throw new Error(`capture folder ${dir}: ${err.message}`);
    });
    if (existing && existing.length > 0) {
        throw new Error(`capture folder ${dir} is not empty; give a new or empty folder`);
    }
    // The staging folder gets an unguessable name and mode 0700 (mkdtemp), so
    // nobody can plant links in it beforehand: a name like
    // `${dir}.partial-${pid}` let a local user point a file we write as root
    // at any file of theirs choosing. Its folders are made fresh and each file
    // exclusively ('wx'), never through anything already there.
    await (0,src_files/* ensureDir */.A0)(external_node_path_.dirname(dir)).catch((err) => {
        throw new Error(`capture folder ${dir}: ${err.message}`);
    });
    const staging = await promises_.mkdtemp(`${dir}.partial-`)
        .catch((err) => {
        throw new Error(`capture folder ${dir}: ${err.code ?? err.message}`);
    });
    const result = { dir, copied: [], missing: [], unreadable: [] };
    try {
        for (const rel of Object.values(HOST_FILES)) {
            let text;
            try {
                text = await promises_.readFile(external_node_path_.join(from, rel), 'utf8');
            }
            catch (err) {
                const code = err.code ?? String(err);
                if (code === 'ENOENT')
                    result.missing.push(rel);
                else
                    result.unreadable.push({ file: rel, error: code });
                continue;
            }
            const target = external_node_path_.join(staging, rel);
            await promises_.mkdir(external_node_path_.dirname(target), { recursive: true });
            await promises_.writeFile(target, TRIM[rel]?.(text) ?? text, { flag: 'wx' });
            result.copied.push(rel);
        }
        // What a folder made with the usual umask gets: others may read the
        // capture, as they could the files it copies.
        await promises_.chmod(staging, 0o755);
        if (existing)
            await promises_.rmdir(dir);
        await promises_.rename(staging, dir);
        return result;
    }
    catch (err) {
        await promises_.rm(staging, { recursive: true, force: true });
        throw err;
    }
}

;// CONCATENATED MODULE: ./build/src/exitcodes.js
const EXIT_CODES = {
    unaffected: 0,
    'not-applicable': 0,
    affected: 2,
    vulnerable: 2,
    unknown: 3,
    usage: 1,
};

;// CONCATENATED MODULE: ./build/src/markdown.js
// Text from a host or a Report written into Markdown (the job summary, the
// fleet table): one set of rules, so no page escapes it differently. Such
// text comes from other machines and is treated as hostile: it may add no
// markup, link, HTML, table cell or line of its own.
/**
 * Text as one line: no control characters (newlines would end the table
 * row or the list item, escapes would drive a terminal) and no invisible or
 * direction-changing characters (which make text read as other text).
 */
function oneLine(v) {
    return v.replace(
    // Control characters are exactly what this removes.
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]+/g, ' ');
}
/**
 * Text as literal Markdown, in prose or a table cell: it can add no cell
 * (`|`), no HTML (`<`, entities), no link, image, code, heading or emphasis
 * (backslash escapes, CommonMark's way to make punctuation literal), and no
 * autolink (GFM links bare `www.`, `scheme://` and e-mail addresses).
 */
function markdownText(v) {
    return oneLine(v)
        .replace(/[\\`*_[\]|~!#]/g, '\\$&')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/:\/\//g, ':\\/\\/')
        .replace(/(www)\./gi, '$1\\.')
        .replace(/@/g, '\\@');
}
/** The longest run of backticks in the text (0 for none). */
function longestBacktickRun(text) {
    return Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
}
/**
 * Text as a code span: a fence longer than any run of backticks inside, so
 * the text cannot close it, and `|` escaped, which GFM tables need even in
 * code. Inside a code span nothing is markup: no link, autolink or HTML.
 */
function codeSpan(v) {
    const text = oneLine(v).replace(/\|/g, '\\|');
    const fence = '`'.repeat(longestBacktickRun(text) + 1);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${text}${pad}${fence}`;
}
/**
 * Text (many lines) as a fenced code block: a fence of at least three
 * backticks and longer than any run inside, so no line of the text can
 * close the block and turn the rest into markup.
 */
function codeBlock(text, info = '') {
    const fence = '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
    return [`${fence}${info}`, text, fence];
}

;// CONCATENATED MODULE: ./build/src/fleet.js
// `merge`: many Reports (a matrix of runners, a fleet) into one Markdown
// table and one JSON summary, worst status first. A Report that could not be
// read or validated is a row too, counted as unknown: the view fails closed.



/** Worst first; also decides the merged exit code. */
const SEVERITY = [
    'affected',
    'vulnerable',
    'unknown',
    'unaffected',
    'not-applicable',
];
function fleetRow(r, source) {
    const rep = r.reproducer;
    const go = r.go;
    return {
        source,
        host: r.host.name ?? source,
        kernel: r.kernel.release ?? 'unknown',
        upstream: r.kernel.level ?? 'unknown',
        compiler: r.kernel.compiler ?? 'unknown',
        status: r.status,
        drill: rep.drill,
        reproducer: rep.result === 'clean' ||
            rep.result === 'corrupted' ||
            rep.result === 'crashed'
            ? `${rep.result} (${rep.mode}, ${rep.faultingDeliveries} faulting${rep.missBasis !== null ? `, miss ${missText(rep)}` : ''})`
            : rep.result,
        memlock: `${formatLimit(go.memlockSoft)}${go.memlockSufficient === false ? ' (too low)' : ''}`,
        go: `${go.goVersion ?? 'unknown'}: ${go.workaround}`,
        mitigation: r.decision.mitigation === 'godebug'
            ? `GODEBUG=${r.decision.godebug}`
            : r.mitigations.map((m) => m.id).join(', ') || 'none',
        invalid: null,
    };
}
/** An unknown row: nothing in the file is trusted but the host it names. */
function invalidRow(source, invalid, host) {
    return {
        source,
        host: host ?? source,
        kernel: 'unknown',
        upstream: 'unknown',
        compiler: 'unknown',
        status: 'unknown',
        drill: false,
        reproducer: 'unknown',
        memlock: 'unknown',
        go: 'unknown',
        mitigation: 'unknown',
        invalid: `${source}: ${invalid}`,
    };
}
function mergeReports(entries, duplicates = []) {
    const rows = entries
        .map((e) => 'report' in e
        ? fleetRow(e.report, e.source)
        : invalidRow(e.source, e.invalid, e.host))
        .sort((a, b) => SEVERITY.indexOf(a.status) - SEVERITY.indexOf(b.status) ||
        a.host.localeCompare(b.host) ||
        a.source.localeCompare(b.source));
    const counts = Object.fromEntries(SEVERITY.map((s) => [s, 0]));
    for (const row of rows)
        counts[row.status]++;
    return {
        schema: 'sigvec-check/fleet',
        version: 1,
        hosts: rows.length,
        worst: rows[0]?.status ?? null,
        counts,
        invalid: rows.filter((r) => r.invalid !== null).length,
        duplicates,
        rows,
    };
}
const duplicateText = (d) => d.source === d.sameAs
    ? `${d.source} (given twice)`
    : `${d.source} (the same report as ${d.sameAs})`;
/**
 * A mermaid pie of the hosts per status, which GitHub draws in Markdown and
 * job summaries. Mermaid takes only slices above zero, so a status no host
 * has is left out, and no hosts make no chart. The slice labels are our own
 * status words, never text from a Report.
 */
function statusPie(s) {
    const slices = SEVERITY.filter((st) => s.counts[st] > 0);
    if (slices.length === 0)
        return [];
    return [
        '```mermaid',
        'pie showData',
        '  title Hosts by status',
        ...slices.map((st) => `  "${st}" : ${s.counts[st]}`),
        '```',
        '',
    ];
}
function renderFleetMarkdown(s) {
    const lines = [
        `## sigvec-check: ${s.hosts} host${s.hosts === 1 ? '' : 's'}, worst \`${s.worst ?? 'none'}\``,
        '',
        SEVERITY.filter((st) => s.counts[st] > 0)
            .map((st) => `${s.counts[st]} ${st}`)
            .join(' · '),
        '',
        ...statusPie(s),
    ];
    if (s.invalid > 0)
        lines.push(`${s.invalid} file${s.invalid === 1 ? '' : 's'} could not be read as a valid Report: counted as unknown, with the reason beside the status.`, '');
    if (s.duplicates.length > 0)
        lines.push(`Counted once: ${s.duplicates.map(duplicateText).map(markdownText).join(', ')}.`, '');
    lines.push('| Host | Kernel | Upstream | Compiler | Status | Reproducer | Memlock | Go runtime | Mitigation |', '|---|---|---|---|---|---|---|---|---|');
    for (const r of s.rows) {
        const status = `**${r.status}**${r.drill ? ' (DRILL)' : ''}` +
            (r.invalid === null ? '' : `: ${markdownText(r.invalid)}`);
        const cells = [
            markdownText(r.host),
            codeSpan(r.kernel),
            ...[r.upstream, r.compiler].map(markdownText),
            status,
            ...[r.reproducer, r.memlock, r.go, r.mitigation].map(markdownText),
        ];
        lines.push(`| ${cells.join(' | ')} |`);
    }
    return lines.join('\n') + '\n';
}

// EXTERNAL MODULE: ./build/src/inputerror.js
var inputerror = __nccwpck_require__(5631);
;// CONCATENATED MODULE: ./build/src/inputs.js
// Every setting a user gives the audit, listed once: its name (the action's
// input, the CLI's flag --NAME, the hook's SIGVEC_NAME), its default, what
// it accepts, what it does, and which front doors read it. options.ts parses
// by this table; hook.ts and cli.ts take their flags, variables and help
// lines from it. action.yml stays hand-written, since GitHub reads it, and
// test/inputs.test.ts holds it against this table.




const REPRODUCE = ['auto', 'always', 'never'];
const MODES = ['auto', ...RUN_MODES];
const MEMLOCK_THREADS_RANGE = { min: 1, max: 1_000_000 };
/** The longest reproducer run a duration may ask for, and the shortest. */
const DURATION_RANGE_S = { min: 0.5, max: 3600 };
/**
 * The duration grammar, said once: numbers (whole or with a decimal part)
 * followed by h, m and s, each at most once and in that order, as Go's
 * time.ParseDuration writes them but without a sign or smaller units; or a
 * bare number, which is seconds. options.ts parses by it.
 */
const DURATION_ACCEPTED = `a duration from ${DURATION_RANGE_S.min}s to 1h: numbers with the units h, m and s in that order, such as 30s, 2m, 1m30s, 1.5m or 1h, or a bare number of seconds such as 45 (no sign, no other unit)`;
/** The Go version forms accepted, said once (goruntime.ts parses them). */
const GO_VERSION_ACCEPTED = "a Go version such as 1.14.0, go1.15.8 or 1.22.1, or a release family as setup-go writes it, 1.15 or 1.15.x (judged as the family's worst case for this check, its first release 1.15.0); not a range such as 1.x, >=1.14 or ^1.15";
const oneOfText = (values) => `one of: ${values.join(', ')}`;
const INPUTS = [
    {
        name: 'reproduce',
        default: 'auto',
        accepted: oneOfText(REPRODUCE),
        description: 'Run our reproducer: auto (when the kernel is not already settled as unaffected or not-applicable), always, never. Its evidence overrides the version check. always: a run that gives no evidence (no compiler, a mode this machine refuses, a failed self-test) raises an error and fails the step, since you asked for evidence; on a machine that is not Linux, nothing runs and nothing fails.',
        action: true,
        cli: 'value',
        hook: true,
        placeholder: 'WHEN',
        help: 'run the reproducer: auto, always, never',
    },
    {
        name: 'mode',
        default: 'auto',
        accepted: oneOfText(MODES),
        description: 'Reproducer mode: uffd (userfaultfd holds each signal-stack fault-in so a competing task runs), io (the signal stack is a file on a disk, evicted before each signal, so the fault-in sleeps on a read; needs no privilege), stress (spinners beside each checker; never clears), auto (uffd where permitted, else io where RUNNER_TEMP, the workspace or TMPDIR is on a disk, else stress).',
        action: true,
        cli: 'value',
        hook: true,
        placeholder: 'MODE',
        help: 'reproducer mode: auto, uffd, io or stress',
    },
    {
        name: 'duration',
        default: '30s',
        accepted: DURATION_ACCEPTED,
        description: 'The longest the reproducer may run, from 0.5s to 1h: numbers with the units h, m and s in that order (30s, 2m, 1m30s, 1.5m, 1h), or a bare number of seconds (45). It stops sooner at the first corruption or once it has seen enough trigger events.',
        action: true,
        cli: 'value',
        hook: true,
        placeholder: 'TIME',
        help: 'longest reproducer run: 30s, 2m, 1m30s, 1h or seconds',
    },
    {
        name: 'compiler',
        default: 'cc',
        accepted: 'one program name or path, such as cc, gcc-12 or /usr/bin/clang (no arguments)',
        description: 'The C compiler that builds the reproducer (a program name on PATH, or a path).',
        action: true,
        cli: 'value',
        hook: true,
        placeholder: 'CC',
        help: 'C compiler for the reproducer',
    },
    {
        name: 'drill',
        default: 'false',
        accepted: 'true or false',
        description: 'true: the real run injects corruption on purpose, so you can rehearse how the workflow reacts to an affected kernel. Everything it produces says DRILL.',
        action: true,
        cli: 'switch',
        hook: false,
        placeholder: '',
        help: 'inject corruption on purpose (rehearsal)',
    },
    {
        name: 'fail-on',
        default: 'vulnerable',
        accepted: oneOfText(FAIL_ON),
        description: 'Fail the step at this status or worse: affected, vulnerable (affected or vulnerable), unknown (also when the kernel cannot be judged), never.',
        action: true,
        cli: null,
        hook: true,
        placeholder: 'LEVEL',
        help: 'affected, vulnerable, unknown or never: a status below the level exits 0',
    },
    {
        name: 'mitigate',
        default: 'false',
        accepted: 'true or false',
        description: 'true: instead of failing, export GODEBUG with asyncpreemptoff=1 merged into any existing GODEBUG for the later steps, and warn.',
        action: true,
        cli: null,
        hook: false,
        placeholder: '',
        help: 'export GODEBUG=asyncpreemptoff=1 to later steps instead of failing',
    },
    {
        name: 'go-version',
        default: '',
        accepted: GO_VERSION_ACCEPTED,
        description: "The Go version that builds your tests: 1.14.0, go1.15.8, or a family as setup-go takes it, 1.15 or 1.15.x, judged as the family's worst case for this check (its first release, 1.15.0). Ranges such as 1.x or >=1.14 are refused. Default: what the go on PATH says (go env GOVERSION, or go version before Go 1.16); unknown means the worst case, 1.14.0.",
        action: true,
        cli: 'value',
        hook: true,
        placeholder: 'V',
        help: 'the Go that builds your tests, as 1.15.8, or 1.15.x for its family (default: the go on PATH)',
    },
    {
        name: 'memlock-threads',
        default: String(DEFAULT_MEMLOCK_THREADS),
        accepted: `a whole number from ${MEMLOCK_THREADS_RANGE.min} to ${MEMLOCK_THREADS_RANGE.max}`,
        description: 'OS threads the RLIMIT_MEMLOCK limit must cover; Go 1.14–1.15 lock 4 KiB per thread on a kernel they think buggy.',
        action: true,
        cli: 'value',
        hook: true,
        placeholder: 'N',
        help: 'threads the memlock limit must cover',
    },
    {
        name: 'report-path',
        default: '',
        accepted: 'a file path (not a directory)',
        description: 'Where to write the JSON Report: a file path, not a folder (a folder is refused before the audit runs). Default: $RUNNER_TEMP/sigvec-check-report.json.',
        action: true,
        cli: 'value',
        hook: true,
        placeholder: 'FILE',
        help: 'also write the JSON Report to FILE',
    },
    {
        name: 'state-dir',
        default: '',
        accepted: 'an absolute folder path, such as /var/lib/sigvec-check',
        description: '',
        action: false,
        cli: null,
        hook: true,
        placeholder: 'DIR',
        help: "where the reproducer's result is kept per boot (default ~/.local/state/sigvec-check)",
    },
];
function inputSpec(name) {
    return INPUTS.find((spec) => spec.name === name);
}
/** The action's inputs, in action.yml's order. */
const ACTION_INPUTS = INPUTS.filter((spec) => spec.action).map((spec) => spec.name);
/** What the hook reads: the flag --NAME, else the variable SIGVEC_NAME. */
const HOOK_SETTINGS = INPUTS.filter((spec) => spec.hook).map((spec) => spec.name);
function envName(setting) {
    return `SIGVEC_${setting.toUpperCase().replace(/-/g, '_')}`;
}
/** Every SIGVEC_* variable the tool reads: the hook's, from the table, and
 * the tool deadline's override. */
const KNOWN_ENV_NAMES = [
    ...HOOK_SETTINGS.map(envName),
    spawn/* TOOL_DEADLINE_ENV */.K2,
];
/** Levenshtein distance: the edits that turn `a` into `b`. */
function editDistance(a, b) {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const next = [i];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + cost);
        }
        row = next;
    }
    return row[b.length];
}
/**
 * SIGVEC_* variables in `env` that the tool does not read (a typo is
 * otherwise ignored in silence), each with the known name closest to it.
 */
function unknownSigvecVariables(env) {
    return Object.keys(env)
        .filter((name) => name.startsWith('SIGVEC_'))
        .filter((name) => !KNOWN_ENV_NAMES.includes(name))
        .sort()
        .map((name) => {
        let closest = KNOWN_ENV_NAMES[0];
        for (const known of KNOWN_ENV_NAMES)
            if (editDistance(name, known) < editDistance(name, closest))
                closest = known;
        return { name, closest };
    });
}
const HOOK_ONLY = ' (which only `sigvec-check hook` reads)';
/**
 * The warnings for the SIGVEC_* variables in `env`, as `reader` sees them:
 * the hook reads its settings' variables; an audit (the CLI's, the
 * action's) reads none of them, so one given there is ignored too, and said
 * to be.
 */
function sigvecVariableWarnings(env, reader) {
    const hookOnly = (name) => reader === 'audit' && name !== spawn/* TOOL_DEADLINE_ENV */.K2;
    const given = Object.keys(env)
        .filter((name) => KNOWN_ENV_NAMES.includes(name) && hookOnly(name))
        .sort()
        .map((name) => `${name} is read only by \`sigvec-check hook\`, so it is ignored here; give its setting as a flag or an action input instead`);
    const typos = unknownSigvecVariables(env).map((v) => `${v.name} is not a variable sigvec-check reads, so it is ignored; did you mean ${v.closest}${hookOnly(v.closest) ? HOOK_ONLY : ''}?`);
    return [...given, ...typos];
}

;// CONCATENATED MODULE: ./build/src/options.js
// The one typed Options, parsed once from action inputs, CLI flags or the
// hook's variables, with the defaults and accepted values of the input table
// (inputs.ts). Every validation error names the input, the value given and
// what is accepted.







function parseOptions(raw, root = '/') {
    // A setting left empty takes the table's default, parsed like any value.
    const given = (name) => raw(name).trim() || inputSpec(name).default;
    const options = {
        root,
        reproduce: oneOf('reproduce', given('reproduce'), REPRODUCE),
        mode: oneOf('mode', given('mode'), MODES),
        duration: durationInput('duration', given('duration')),
        compiler: compilerInput('compiler', given('compiler')),
        drill: booleanInput('drill', given('drill')),
        failOn: oneOf('fail-on', given('fail-on'), FAIL_ON),
        mitigate: booleanInput('mitigate', given('mitigate')),
        goVersion: goVersionInput('go-version', given('go-version')),
        memlockThreads: integerInput('memlock-threads', given('memlock-threads'), MEMLOCK_THREADS_RANGE),
        reportPath: pathInput('report-path', given('report-path')),
    };
    if (!isThisMachine(root))
        refuseReproducerSettings(raw, options);
    if (options.drill && options.reproduce === 'never') {
        throw new inputerror/* InputError */.d('drill', raw('drill').trim(), "false while reproduce is 'never' (a drill runs the reproducer)");
    }
    return options;
}
/**
 * A captured host (--root) is judged by its files alone: nothing is built
 * or run there, so a setting that only shapes the reproducer would be
 * ignored in silence, and a drill would report corruption nobody injected.
 * reproduce: auto and never, go-version and memlock-threads still apply.
 */
function refuseReproducerSettings(raw, options) {
    const why = 'with --root (a captured host is judged by its files: nothing is built or run)';
    if (options.drill)
        throw new inputerror/* InputError */.d('drill', raw('drill').trim(), `false ${why}`);
    if (options.reproduce === 'always')
        throw new inputerror/* InputError */.d('reproduce', 'always', `auto or never ${why}`);
    for (const name of ['mode', 'duration', 'compiler']) {
        const value = raw(name).trim();
        if (value !== '')
            throw new inputerror/* InputError */.d(name, value, `no value ${why}`);
    }
}
function refuse(name, value) {
    return new inputerror/* InputError */.d(name, value, inputSpec(name).accepted);
}
function oneOf(name, value, accepted) {
    if (accepted.includes(value))
        return value;
    throw refuse(name, value);
}
/** The YAML 1.2 core-schema booleans, as the runner and @actions/core accept them. */
function booleanInput(name, value) {
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw refuse(name, value);
}
function integerInput(name, value, range) {
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < range.min || n > range.max)
        throw refuse(name, value);
    return n;
}
function goVersionInput(name, value) {
    if (value === '')
        return null;
    if (!parseGoVersion(value))
        throw refuse(name, value);
    return value;
}
function pathInput(name, value) {
    if (value === '')
        return null;
    if (value.includes('\0') || value.endsWith('/'))
        throw refuse(name, value);
    return external_node_path_.resolve(value);
}
const NUMBER = String.raw `\d+(?:\.\d+)?`;
const DURATION = new RegExp(`^(?:(${NUMBER})h)?(?:(${NUMBER})m)?(?:(${NUMBER})s)?$|^(${NUMBER})$`);
/**
 * "30s", "2m", "1m30s", "1.5m", "1h" or "45" (seconds) → seconds; NaN when
 * the text is not a duration (inputs.ts DURATION_ACCEPTED says the grammar).
 */
function parseDuration(text) {
    const m = DURATION.exec(text);
    if (!m || text === '')
        return NaN;
    const [, h, min, s, bare] = m;
    if (bare !== undefined)
        return Number(bare);
    return Number(h ?? 0) * 3600 + Number(min ?? 0) * 60 + Number(s ?? 0);
}
function durationInput(name, value) {
    const seconds = parseDuration(value);
    // NaN (not a duration) fails both comparisons.
    if (!(seconds >= DURATION_RANGE_S.min && seconds <= DURATION_RANGE_S.max))
        throw refuse(name, value);
    return seconds;
}
/** A program name or path: it is run with an argument array, never a shell. */
function compilerInput(name, value) {
    if (/[\s;&|`$<>()'"\\]/.test(value))
        throw refuse(name, value);
    return value;
}
/**
 * Refuses a report path that names a folder, before the audit runs (the
 * write would fail only at the end, with EISDIR or a rename's words).
 * `input` is the name the user gave it by: report-path or --report-path.
 */
async function checkReportPath(input, file) {
    if (file === null)
        return;
    const st = await promises_.stat(file).catch(() => null);
    if (st?.isDirectory())
        throw new inputerror/* InputError */.d(input, file, `a file path, not a folder, such as ${external_node_path_.join(file, 'sigvec-report.json')}`, 'is a folder');
}
/** Refuses a --root that is not a folder: it would be judged unknown. */
async function checkRoot(input, dir) {
    const accepted = 'a folder made by `sigvec-check capture DIR` or `scripts/capture.sh DIR`';
    let st;
    try {
        st = await promises_.stat(dir);
    }
    catch (err) {
        const code = err.code;
        throw new inputerror/* InputError */.d(input, dir, accepted, code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`);
    }
    if (!st.isDirectory())
        throw new inputerror/* InputError */.d(input, dir, accepted, 'is not a folder');
}

;// CONCATENATED MODULE: ./build/src/hook.js
// `sigvec-check hook`: the gate a self-hosted runner runs before every job
// (ACTIONS_RUNNER_HOOK_JOB_STARTED, scripts/job-started.sh). It owns how the
// hook reads its settings (a hook gets no arguments, so each setting of the
// input table's hook column has a SIGVEC_* variable; a flag wins), the exit
// code by `fail-on`, and the memory that runs the reproducer at most once
// per kernel boot: one file per boot id and build key in a state folder the
// runner's owner chooses.











/**
 * Flags win over variables. A bad value is an InputError naming what the
 * owner wrote: the flag (`state-dir`) or the variable (`SIGVEC_STATE_DIR`).
 */
function parseHookSettings(flags, env, root) {
    const known = (name) => HOOK_SETTINGS.includes(name);
    const inputName = (name) => flags[name] !== undefined ? name : envName(name);
    const raw = (name) => known(name) ? (flags[name] ?? env[envName(name)] ?? '') : '';
    let options;
    try {
        options = parseOptions(raw, root);
    }
    catch (err) {
        if (err instanceof inputerror/* InputError */.d && known(err.input))
            throw new inputerror/* InputError */.d(inputName(err.input), err.value, err.accepted, err.problem);
        throw err;
    }
    const stateDirInput = inputName('state-dir');
    const given = raw('state-dir').trim();
    const stateDir = given ||
        external_node_path_.join(env.XDG_STATE_HOME || external_node_path_.join(external_node_os_.homedir(), '.local', 'state'), 'sigvec-check');
    if (!external_node_path_.isAbsolute(stateDir) || stateDir.includes('\0')) {
        throw new inputerror/* InputError */.d(stateDirInput, stateDir, inputSpec('state-dir').accepted);
    }
    return { options, stateDir: external_node_path_.normalize(stateDir), stateDirInput };
}
/** A status below the `fail-on` level lets the job run: exit 0. */
function hookExitCode(status, failOn) {
    const { failing } = decide(status, { failOn, mitigate: false }, undefined);
    return failing ? EXIT_CODES[status] : 0;
}
/** The hook's last line: what the status means for this job. */
function hookOutcome(status, failOn) {
    const code = hookExitCode(status, failOn);
    return code === 0
        ? `sigvec-check hook: ${status} passes fail-on ${failOn}: the job runs\n`
        : `sigvec-check hook: ${status} fails fail-on ${failOn}: the job fails (exit ${code})\n`;
}
/**
 * Creates the state folder (owner-only) if needed, and refuses one that
 * others could plant a result in, or that this user cannot write to.
 */
async function prepareStateDir(settings) {
    const { stateDir: dir, stateDirInput: input } = settings;
    const refuse = (why) => new inputerror/* InputError */.d(input, dir, `a folder that only this user or root can write to (${why})`);
    // lstat: a link would let root write and delete files wherever it leads,
    // in a folder whose owner never chose this one.
    const existing = await promises_.lstat(dir).catch(() => null);
    if (existing?.isSymbolicLink())
        throw refuse('it is a symbolic link; give the folder itself');
    if (existing && !existing.isDirectory())
        throw refuse('it is not a folder');
    if (!existing) {
        try {
            await (0,src_files/* ensureDir */.A0)(dir, 0o700);
        }
        catch (err) {
            throw refuse(`cannot create it: ${err.message}`);
        }
    }
    const st = await promises_.lstat(dir);
    const unsafe = st.isDirectory() ? (0,src_files/* whyForeign */.fW)('it', st) : 'it is not a folder';
    if (unsafe)
        throw refuse(unsafe);
    try {
        await promises_.access(dir, promises_.constants.W_OK | promises_.constants.X_OK);
    }
    catch {
        throw refuse('this user cannot write to it');
    }
}
/** The state file's format; another version is ignored, never guessed at. */
const BOOT_RESULT_SCHEMA = 'sigvec-check/boot-result';
const BOOT_RESULT_VERSION = 1;
const RESULT_FILE = /^reproducer-([0-9a-f-]{36})-([0-9a-f]+)\.json(\.\d+\.tmp)?$/;
/**
 * The reproducer's result for this boot, one file per build key:
 * `reproducer-<boot id>-<key>.json`. A new boot or a new build (source,
 * compiler, architecture: the key) finds no file and runs it again.
 */
class BootMemory {
    dir;
    bootId;
    log;
    now;
    constructor(dir, bootId, log, now = () => new Date()) {
        this.dir = dir;
        this.bootId = bootId;
        this.log = log;
        this.now = now;
    }
    fileFor(key) {
        return external_node_path_.join(this.dir, `reproducer-${this.bootId}-${key}.json`);
    }
    async recall(key) {
        const file = this.fileFor(key);
        let text;
        try {
            const st = await promises_.lstat(file);
            const unsafe = st.isFile() ? (0,src_files/* whyForeign */.fW)('it', st) : 'not a regular file';
            if (unsafe)
                return this.ignore(file, unsafe);
            text = await promises_.readFile(file, 'utf8');
        }
        catch (err) {
            if (err.code !== 'ENOENT')
                return this.ignore(file, err.message);
            this.log(`reproducer: no result remembered for this boot in ${file}`);
            return null;
        }
        const result = parseBootResult(text, this.bootId, key);
        if (typeof result === 'string')
            return this.ignore(file, result);
        this.log(`reproducer: remembered from this boot's run at ${result.recordedAt} (${file}); not run again`);
        return {
            ...result.evidence,
            reason: `${result.evidence.reason} (remembered from this boot's run at ${result.recordedAt})`,
        };
    }
    async keep(key, evidence) {
        if (evidence.drill)
            return;
        const file = this.fileFor(key);
        const record = {
            schema: BOOT_RESULT_SCHEMA,
            version: BOOT_RESULT_VERSION,
            bootId: this.bootId,
            key,
            toolVersion: TOOL_VERSION,
            recordedAt: this.now().toISOString(),
            evidence,
        };
        try {
            await (0,src_files/* writeFileAtomic */.Zf)(file, JSON.stringify(record, null, 2) + '\n', 0o600);
        }
        catch (err) {
            this.log(`warning: could not remember the result in ${file} (${err.message}); the next job runs the reproducer again`);
            return;
        }
        this.log(`reproducer: result remembered for this boot in ${file}`);
        await this.forgetEarlierBoots();
    }
    /** Results of earlier boots can never match again. */
    async forgetEarlierBoots() {
        const stale = (await promises_.readdir(this.dir)).filter((name) => {
            const m = RESULT_FILE.exec(name);
            return m !== null && m[1] !== this.bootId;
        });
        for (const name of stale) {
            await promises_.rm(external_node_path_.join(this.dir, name), { force: true }).then(() => this.log(`reproducer: forgot ${name} (an earlier boot)`), (err) => this.log(`warning: could not remove ${name}: ${err.message}`));
        }
    }
    ignore(file, why) {
        this.log(`warning: ignoring ${file}: ${why}; the reproducer runs again`);
        return null;
    }
}
/** The remembered result, or why the file cannot be trusted. */
function parseBootResult(text, bootId, key) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (err) {
        return `not JSON (${err.message})`;
    }
    if (!doc || typeof doc !== 'object')
        return 'not a JSON object';
    if (doc.schema !== BOOT_RESULT_SCHEMA || doc.version !== BOOT_RESULT_VERSION)
        return `not a ${BOOT_RESULT_SCHEMA} version ${BOOT_RESULT_VERSION} file`;
    if (doc.bootId !== bootId)
        return `written in boot ${String(doc.bootId)}`;
    if (doc.key !== key)
        return `written for build key ${String(doc.key)}`;
    if (doc.toolVersion !== TOOL_VERSION)
        return `written by sigvec-check ${String(doc.toolVersion)}, this is ${TOOL_VERSION}`;
    if (typeof doc.recordedAt !== 'string')
        return 'no recordedAt';
    const bad = evidenceProblem(doc.evidence);
    if (bad)
        return `its evidence ${bad}`;
    return doc;
}
const EVIDENCE_FIELDS = {
    result: 'result',
    reason: 'string',
    mode: 'string?',
    modeReason: 'string?',
    seconds: 'number?',
    signals: 'number?',
    faultingDeliveries: 'number?',
    liveFaultingDeliveries: 'number?',
    minEvents: 'number?',
    missProbability: 'number?',
    missBasis: 'string?',
    enoughEvents: 'boolean',
    crashes: 'array',
    leak: 'string?',
    mismatch: 'object?',
    drill: 'boolean',
    selfTest: 'object?',
    build: 'object?',
    // Only a captured tree's runs have one; the hook remembers its own.
    origin: 'absent',
};
function evidenceProblem(e) {
    if (!e || typeof e !== 'object')
        return 'is missing';
    const doc = e;
    for (const [field, type] of Object.entries(EVIDENCE_FIELDS)) {
        const v = doc[field];
        const ok = type === 'absent'
            ? v === undefined
            : type === 'result'
                ? ['corrupted', 'clean', 'crashed', 'skipped', 'error'].includes(v)
                : type === 'array'
                    ? Array.isArray(v)
                    : type.endsWith('?')
                        ? v === null || typeof v === type.slice(0, -1)
                        : typeof v === type;
        if (!ok)
            return `has a bad ${field}: ${JSON.stringify(v)}`;
    }
    if (doc.drill)
        return 'comes from a drill';
    return null;
}
/**
 * The memory for this run, or null when the reproducer cannot run (a
 * captured host, reproduce: never) or the boot cannot be told apart.
 */
async function bootMemory(settings, log) {
    const { options } = settings;
    // Nothing to remember where the reproducer cannot run (a capture, macOS).
    if (!reproducerRunsHere(options.root) || options.reproduce === 'never')
        return null;
    // Checked even when `auto` ends up not running it: a wrong folder shows
    // on the first job, not on the day the kernel changes.
    await prepareStateDir(settings);
    const boot = await readBootId(options.root);
    if (!boot.ok) {
        log(`warning: cannot tell this boot from the next (${boot.source}: ${boot.error}); the reproducer's result is not remembered`);
        return null;
    }
    return new BootMemory(settings.stateDir, boot.value, log);
}

;// CONCATENATED MODULE: ./build/src/prometheus.js

function escapeLabel(v) {
    return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
function labelText(labels) {
    const parts = Object.entries(labels)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => `${k}="${escapeLabel(String(v))}"`);
    return parts.length ? `{${parts.join(',')}}` : '';
}
function num(v) {
    if (typeof v === 'boolean')
        return v ? '1' : '0';
    return Number.isFinite(v) ? String(v) : v > 0 ? '+Inf' : '-Inf';
}
function renderPrometheus(r) {
    const out = [];
    const host = { host: r.host.name ?? 'unknown' };
    const metric = (name, help, samples) => {
        if (samples.length === 0)
            return;
        out.push(`# HELP sigvec_check_${name} ${help}`);
        out.push(`# TYPE sigvec_check_${name} gauge`);
        for (const [labels, value] of samples) {
            out.push(`sigvec_check_${name}${labelText({ ...host, ...labels })} ${num(value)}`);
        }
    };
    metric('status', 'Verdict on the AVX signal-stack kernel bug: 1 for the current status, 0 for the others.', STATUSES.map((s) => [{ status: s }, s === r.status]));
    metric('kernel_info', 'The kernel this verdict is about (always 1).', [
        [
            {
                release: r.kernel.release,
                version: r.kernel.level,
                compiler: r.kernel.compiler,
            },
            1,
        ],
    ]);
    if (r.kernel.inAffectedRange !== null) {
        metric('kernel_in_affected_range', 'Whether the upstream level is 5.2.x, 5.3.0-5.3.14 or 5.4.0-5.4.1.', [[{}, r.kernel.inAffectedRange]]);
    }
    metric('reproducer', 'Reproducer result: 1 for the current result.', [
        [
            {
                result: r.reproducer.result,
                mode: r.reproducer.mode,
                drill: r.reproducer.drill,
            },
            1,
        ],
    ]);
    if (r.reproducer.faultingDeliveries !== null) {
        metric('reproducer_faulting_deliveries', 'Signal deliveries that faulted the signal stack in during the last run.', [[{}, r.reproducer.faultingDeliveries]]);
    }
    if (r.reproducer.missProbability !== null) {
        metric('reproducer_miss_probability', "The chance a kernel with the bug would have stayed clean in the last run, at the lab's detection rate.", [[{}, r.reproducer.missProbability]]);
    }
    metric('go_workaround', 'What Go 1.14-1.15 would do here: 1 for the current outcome.', [[{ workaround: r.go.workaround, go_version: r.go.goVersion }, 1]]);
    if (r.go.memlockSoft !== null) {
        metric('memlock_limit_bytes', 'Soft RLIMIT_MEMLOCK (+Inf when unlimited).', [[{}, r.go.memlockSoft === 'unlimited' ? Infinity : r.go.memlockSoft]]);
    }
    metric('memlock_needed_bytes', 'Locked memory Go 1.14-1.15 need for memlock-threads threads.', [[{}, r.go.memlockNeeded]]);
    if (r.go.memlockSufficient !== null) {
        metric('memlock_sufficient', 'Whether the memlock limit covers what Go needs.', [[{}, r.go.memlockSufficient]]);
    }
    metric('last_audit_timestamp_seconds', 'When this audit ran (Unix time).', [
        [{}, Math.floor(Date.parse(r.generatedAt) / 1000)],
    ]);
    return out.join('\n') + '\n';
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./build/src/reportcheck.js


/**
 * The longest string merge renders from a Report. uname's fields hold at
 * most 64 bytes and a DNS name 253, so a real host never comes near it.
 */
const MAX_TEXT = 256;
/** A miss probability's basis: a few sentences (evidence.ts). */
const MAX_BASIS = 2000;
/** GODEBUG carries the user's own settings besides ours, so it may be longer. */
const MAX_GODEBUG = 4096;
/** A Report lists at most the three mitigations verdict.ts knows. */
const MAX_MITIGATIONS = 16;
/**
 * Every member of the union `T`, checked both ways at compile time, so the
 * lists below follow the types in verdict.ts and goruntime.ts.
 */
const everyOf = () => (values) => values;
const reportcheck_RESULTS = everyOf()([
    'corrupted',
    'clean',
    'crashed',
    'skipped',
    'error',
]);
const WORKAROUNDS = everyOf()([
    'inactive',
    'not-triggered',
    'mlock',
    'mlock-fails-fatal',
    'mlock-fails-silent',
    'unknown',
]);
const MITIGATION_IDS = everyOf()([
    'upgrade-kernel',
    'raise-memlock',
    'godebug-asyncpreemptoff',
]);
const MITIGATION_MODES = everyOf()([
    'none',
    'godebug',
]);
class FieldError extends Error {
    field;
    problem;
    constructor(field, 
    /** Follows the field's name: "is missing", or "<value> is not …". */
    problem) {
        super(problem);
        this.field = field;
        this.problem = problem;
    }
}
/**
 * A value for a message: one line and short whatever it holds. Never
 * stringifies a container: a hostile one may nest deeper than the stack.
 */
function shown(v) {
    if (typeof v === 'string')
        return v.length > 60
            ? `${JSON.stringify(v.slice(0, 57))}...`
            : JSON.stringify(v);
    if (Array.isArray(v))
        return 'an array';
    if (v === null)
        return 'null';
    if (typeof v === 'object')
        return 'an object';
    return String(v);
}
/** Walks one object, naming each field by its path from the Report. */
class Fields {
    at;
    obj;
    constructor(at, obj) {
        this.at = at;
        this.obj = obj;
    }
    path(key) {
        return this.at ? `${this.at}.${key}` : key;
    }
    get(key) {
        if (!Object.hasOwn(this.obj, key))
            throw new FieldError(this.path(key), ' is missing');
        return this.obj[key];
    }
    wrong(key, v, expected) {
        throw new FieldError(this.path(key), `: ${shown(v)} is not ${expected}`);
    }
    object(key) {
        const v = this.get(key);
        if (!isObject(v))
            this.wrong(key, v, 'an object');
        return new Fields(this.path(key), v);
    }
    oneOf(key, values) {
        const v = this.get(key);
        if (typeof v !== 'string' || !values.includes(v))
            this.wrong(key, v, `one of ${values.join(', ')}`);
        return v;
    }
    text(key, max = MAX_TEXT) {
        const v = this.get(key);
        if (v === null)
            return null;
        if (typeof v !== 'string')
            this.wrong(key, v, 'a string or null');
        if (v.length > max)
            throw new FieldError(this.path(key), ` is ${v.length} characters long, more than the ${max} a Report may hold`);
        return v;
    }
    boolean(key, nullable = false) {
        const v = this.get(key);
        if (typeof v === 'boolean' || (nullable && v === null))
            return v;
        return this.wrong(key, v, nullable ? 'true, false or null' : 'true or false');
    }
    /** A finite number from `min` to `max`, or null. */
    count(key, min = 0, max = Number.MAX_SAFE_INTEGER) {
        const v = this.get(key);
        if (v === null)
            return null;
        if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
            this.wrong(key, v, `a number from ${min} to ${max} or null`);
        return v;
    }
    limit(key) {
        const v = this.get(key);
        if (v === null || v === 'unlimited')
            return;
        if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
            this.wrong(key, v, 'a byte count, "unlimited" or null');
    }
    array(key, max) {
        const v = this.get(key);
        if (!Array.isArray(v))
            return this.wrong(key, v, 'an array');
        if (v.length > max)
            throw new FieldError(this.path(key), ` holds ${v.length} entries, more than the ${max} a Report may hold`);
        return v.map((item, i) => {
            if (!isObject(item))
                this.wrong(`${key}[${i}]`, item, 'an object');
            return new Fields(this.path(`${key}[${i}]`), item);
        });
    }
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** The host a document claims, if it is a string merge may show. */
function claimedHost(doc) {
    if (!isObject(doc) || !isObject(doc.host))
        return null;
    const name = doc.host.name;
    return typeof name === 'string' && name.length > 0 && name.length <= MAX_TEXT
        ? name
        : null;
}
/**
 * Checks a parsed JSON document field by field, in the Report's own order,
 * and names the first field that fails. On success the document is the
 * Report merge reads; fields merge does not read are not checked.
 */
function checkReport(doc) {
    try {
        if (!isObject(doc) || doc.schema !== REPORT_SCHEMA)
            throw new FieldError(null, `not a sigvec-check Report (no "schema": "${REPORT_SCHEMA}")`);
        if (doc.version !== REPORT_VERSION)
            throw new FieldError(null, `Report version ${shown(doc.version)}; this sigvec-check reads version ${REPORT_VERSION}`);
        const report = new Fields('', doc);
        report.object('host').text('name');
        report.oneOf('status', STATUSES);
        const kernel = report.object('kernel');
        kernel.text('release');
        kernel.text('level');
        kernel.text('compiler');
        const go = report.object('go');
        go.text('goVersion');
        go.oneOf('workaround', WORKAROUNDS);
        go.limit('memlockSoft');
        go.boolean('memlockSufficient', true);
        const rep = report.object('reproducer');
        rep.oneOf('result', reportcheck_RESULTS);
        rep.text('mode');
        rep.count('faultingDeliveries');
        rep.count('minEvents');
        rep.count('missProbability', 0, 1);
        // Read by merge: whether a clean run's miss is a figure or unknown.
        rep.text('missBasis', MAX_BASIS);
        rep.boolean('drill');
        for (const m of report.array('mitigations', MAX_MITIGATIONS))
            m.oneOf('id', MITIGATION_IDS);
        const decision = report.object('decision');
        decision.oneOf('mitigation', MITIGATION_MODES);
        decision.text('godebug', MAX_GODEBUG);
        return { ok: true, report: doc };
    }
    catch (err) {
        if (!(err instanceof FieldError))
            throw err;
        return {
            ok: false,
            field: err.field,
            problem: err.problem,
            host: claimedHost(doc),
        };
    }
}
/** "field "status": "Affected" is not one of …", or the problem alone. */
function checkText(c) {
    return c.field === null ? c.problem : `field "${c.field}"${c.problem}`;
}

;// CONCATENATED MODULE: ./build/src/reportfiles.js
// Finds and reads the Report files given to `merge`. They come from other
// machines (artifacts of a matrix, a fleet's uploads), so each is hostile
// input: only regular files, only so many bytes, no link followed out of a
// folder, and each report counted once however many times it is reached.
// Whatever cannot be read or validated becomes an invalid entry, which merge
// counts as unknown: a fleet view fails closed (DESIGN.md, Trust).





/**
 * The largest file merge reads as a Report. A real one is a few KiB (tens
 * with a failed compile's output); a cap keeps one hostile file from
 * filling memory before it is refused.
 */
const MAX_REPORT_BYTES = 1024 * 1024;
/**
 * The Reports the arguments name: a file as given (a link the user names
 * is followed), a folder searched for `*.json` below it. Inside a folder no
 * link to a folder is entered and a `*.json` link is read only where it
 * leads to a file in the same folder.
 */
async function findReportFiles(args, note) {
    const out = [];
    for (const p of args) {
        const st = await promises_.stat(p).catch(() => null);
        if (!st)
            throw new Error(`${p}: no such file or folder`);
        if (!st.isDirectory()) {
            out.push({ file: p, folder: null, symlink: false });
            continue;
        }
        const found = await jsonFilesUnder(p, p, note);
        if (found.length === 0)
            throw new Error(`${p}: no *.json Reports in this folder`);
        out.push(...found.sort((a, b) => a.file.localeCompare(b.file)));
    }
    return out;
}
async function jsonFilesUnder(folder, dir, note) {
    const out = [];
    const entries = await promises_.readdir(dir, { withFileTypes: true })
        .catch((err) => err);
    if (entries instanceof Error) {
        // Reports may be in there: a folder that cannot be listed is no less
        // unknown than a file that cannot be read.
        const problem = `a folder that cannot be listed (${entries.code ?? entries.message})`;
        return [{ file: dir, folder, symlink: false, problem }];
    }
    for (const entry of entries) {
        const file = external_node_path_.join(dir, entry.name);
        const json = entry.name.endsWith('.json');
        if (entry.isDirectory()) {
            out.push(...(await jsonFilesUnder(folder, file, note)));
        }
        else if (entry.isSymbolicLink()) {
            if (json)
                out.push({ file, folder, symlink: true });
            else if (await isFolder(file))
                note(`${file}: a link to a folder, not followed`);
        }
        else if (json) {
            // Not only regular files: a FIFO or a socket named *.json must show
            // up as refused, not vanish from the count.
            out.push({ file, folder, symlink: false });
        }
    }
    return out;
}
const isFolder = (p) => promises_.stat(p).then((st) => st.isDirectory(), () => false);
/**
 * Reads a Report file (files.ts readBounded: regular, at most
 * MAX_REPORT_BYTES), O_NOFOLLOW where no link may be followed, so one
 * swapped in after the folder was listed is refused too.
 */
async function readReportFile(file, noFollow) {
    const identityOf = (st) => `${st.dev}:${st.ino}`;
    try {
        const read = await (0,src_files/* readBounded */.CB)(file, {
            maxBytes: MAX_REPORT_BYTES,
            noFollow,
        });
        return { identity: identityOf(read.stat), bytes: read.bytes };
    }
    catch (err) {
        if (err instanceof src_files/* ReadRefusal */.Po) {
            const grew = err.size.startsWith('at least');
            const problem = err.reason === 'folder'
                ? 'a folder'
                : err.reason === 'not regular'
                    ? 'not a regular file'
                    : tooLarge(grew ? 'it grew while read' : `${err.size} bytes`);
            return { identity: identityOf(err.stat), problem };
        }
        const code = err.code ?? String(err);
        return {
            identity: null,
            problem: code === 'ELOOP'
                ? 'a symbolic link, not followed'
                : `cannot be read (${code})`,
        };
    }
}
const tooLarge = (size) => `too large (${size}; a Report may hold at most ${MAX_REPORT_BYTES} bytes), not read`;
/** Where a link found in `folder` leads, if that is inside the folder. */
async function insideFolder(link, folder) {
    const [target, root] = await Promise.all([
        promises_.realpath(link).catch(() => null),
        promises_.realpath(folder),
    ]);
    if (target === null)
        return { problem: 'a symbolic link to nothing' };
    const rel = external_node_path_.relative(root, target);
    if (rel === '' || rel.startsWith('..') || external_node_path_.isAbsolute(rel))
        return {
            problem: `a symbolic link out of ${folder}, not followed`,
        };
    return { target };
}
async function readCandidate(c) {
    if (c.problem)
        return { identity: null, problem: c.problem };
    if (!c.symlink || c.folder === null)
        return readReportFile(c.file, !!c.folder);
    const inside = await insideFolder(c.file, c.folder);
    if ('problem' in inside)
        return { identity: null, ...inside };
    return readReportFile(inside.target, true);
}
const sha256 = (data) => (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
/**
 * A key for a Report's content, whatever its spacing; null where fields
 * merge never checked nest too deep to stringify (then bytes decide).
 */
function contentKey(doc) {
    try {
        return `report ${sha256(JSON.stringify(doc))}`;
    }
    catch {
        return null;
    }
}
/** Reads a Report's bytes as a parsed document, or says why not. */
function parse(bytes) {
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        return { problem: 'not UTF-8 text' };
    }
    try {
        return { doc: JSON.parse(text) };
    }
    catch (err) {
        return { problem: notJson(err.message) };
    }
}
/**
 * Why a file is not JSON, in fixed words: JSON.parse's own message quotes
 * the start of the file (Node 20: `Unexpected token 'r', "root:$6$ab"...`),
 * which could be a secret of whatever file the Report name pointed at.
 * Only the position it gives, a number, is kept.
 */
function notJson(message) {
    if (/^Unexpected end of JSON input/.test(message))
        return 'not JSON (it ends early)';
    const at = /\bposition (\d+)\b/.exec(message)?.[1];
    return at === undefined ? 'not JSON' : `not JSON (at position ${at})`;
}
/**
 * Reads, checks and counts each file once. A file reached twice (the same
 * device and inode) or a Report with the same content under another name is
 * one host; two different Reports naming the same host stay two, so a
 * forged Report can never stand in for a real one.
 */
async function readReports(files) {
    const entries = [];
    const duplicates = [];
    const seen = new Map();
    /** True when `keys` name something already counted. */
    const counted = (source, keys) => {
        for (const key of keys) {
            const first = key === null ? undefined : seen.get(key);
            if (first !== undefined) {
                duplicates.push({ source, sameAs: first });
                return true;
            }
        }
        for (const key of keys)
            if (key !== null)
                seen.set(key, source);
        return false;
    };
    for (const c of files) {
        const source = c.file;
        const read = await readCandidate(c);
        const file = read.identity === null ? null : `file ${read.identity}`;
        if ('problem' in read) {
            if (!counted(source, [file]))
                entries.push({ source, invalid: read.problem, host: null });
            continue;
        }
        const parsed = parse(read.bytes);
        if ('problem' in parsed) {
            if (!counted(source, [file, `bytes ${sha256(read.bytes)}`]))
                entries.push({ source, invalid: parsed.problem, host: null });
            continue;
        }
        const check = checkReport(parsed.doc);
        const keys = [file, `bytes ${sha256(read.bytes)}`];
        // The same Report saved with other spacing or indentation is the same
        // content.
        if (check.ok)
            keys.push(contentKey(check.report));
        if (counted(source, keys))
            continue;
        entries.push(check.ok
            ? { source, report: check.report }
            : { source, invalid: checkText(check), host: check.host });
    }
    return { entries, duplicates };
}

;// CONCATENATED MODULE: ./build/src/cli.js
// The CLI (`npx sigvec-check`; cli-entry.ts calls main): the same audit and
// Report as the action, printed for a terminal, as JSON or as Prometheus lines;
// `merge`, which folds many Reports into one fleet table; and `hook`, the
// gate a self-hosted runner runs before every job.


















/** The audit command's flags from the input table, in its order. */
const AUDIT_FLAGS = INPUTS.filter((spec) => spec.cli !== null);
/** Words filled into lines of at most `width`, the first one after `first`. */
function fill(text, first, indent, width) {
    const lines = [first];
    for (const word of text.split(' ')) {
        const last = lines.length - 1;
        const line = lines[last];
        const gap = line === '' || line.endsWith(' ') ? '' : ' ';
        if (line.trim() !== '' && line.length + gap.length + word.length > width)
            lines.push(indent + word);
        else
            lines[last] = line + gap + word;
    }
    return lines.join('\n');
}
/** One usage line: the flag, then its help from column 25. */
const flagLine = (flag, help) => fill(help, `  ${flag}`.padEnd(25), ' '.repeat(25), 80);
const paragraph = (text) => fill(text, '', '', 76);
/** A table row's usage line, its default (where one is fixed) added. */
function inputLine(spec) {
    const value = spec.cli === 'switch' ? '' : ` ${spec.placeholder}`;
    const fixed = spec.default !== '' && spec.cli !== 'switch';
    const help = fixed ? `${spec.help} (default ${spec.default})` : spec.help;
    return flagLine(`--${spec.name}${value}`, help);
}
const cli_HOOK_ONLY = INPUTS.filter((spec) => spec.hook && spec.cli === null);
const HOOK_SHARED = INPUTS.filter((spec) => spec.hook && spec.cli !== null);
const USAGE = `Usage: sigvec-check [options]
       sigvec-check merge [--json] [--json-file FILE] REPORT|DIR...
       sigvec-check capture DIR
       sigvec-check hook ${cli_HOOK_ONLY.map((s) => `[--${s.name} ${s.placeholder}]`).join(' ')} [options]

Audits this Linux machine (or a captured host) for the kernel bug that
corrupts AVX registers under signals, and for what Go 1.14–1.15 do about it.
On a machine that is not Linux (macOS, Windows) it says not-applicable at
once: the bug is the Linux kernel's.

Options:
${[
    flagLine('--root DIR', 'audit the host files captured under DIR (offline; nothing runs, so --drill, --mode, --duration, --compiler and --reproduce always are refused)'),
    flagLine('--json', 'print the Report as JSON'),
    flagLine('--prometheus', 'print node_exporter textfile-collector lines'),
    ...AUDIT_FLAGS.map(inputLine),
    flagLine('--no-reproduce', 'the same as --reproduce never'),
    flagLine('--version', 'print the version'),
    flagLine('-h, --help', 'print this help'),
].join('\n')}

merge reads JSON Reports (files, or folders of *.json) and prints one
Markdown table, worst status first (--json: the JSON summary instead;
--json-file: write the JSON summary too).

capture copies the files the audit reads from this machine into DIR (new
or empty), for a later \`sigvec-check --root DIR\`.

${paragraph("hook gates a self-hosted runner's jobs (ACTIONS_RUNNER_HOOK_JOB_STARTED= scripts/job-started.sh): the audit and its report, the reproducer at most once per kernel boot, and an exit code by fail-on. It takes " +
    ['root', ...HOOK_SHARED.map((s) => s.name)]
        .map((n) => `--${n}`)
        .join(', ') +
    ' and:')}
${cli_HOOK_ONLY.map(inputLine).join('\n')}
${paragraph('A hook gets no arguments: each of its options can be set as a variable instead, SIGVEC_ and the name in capitals (' +
    [...cli_HOOK_ONLY, ...HOOK_SHARED]
        .slice(0, 3)
        .map((s) => envName(s.name))
        .join(', ') +
    ', ...); a flag wins over its variable.')}

Exit codes: 0 unaffected or not-applicable, 2 affected or vulnerable,
3 unknown (or --reproduce always without the reproducer's evidence), 1 usage
or runtime error; merge exits by the worst status.
`;
class UsageError extends Error {
}
function describe(err) {
    if (err instanceof inputerror/* InputError */.d) {
        // Lower case is a flag's name; SIGVEC_* names a hook's variable.
        const name = /^[A-Z]/.test(err.input) ? err.input : `--${err.input}`;
        const problem = err.problem ? ` ${err.problem}` : '';
        return `invalid ${name}: ${JSON.stringify(err.value)}${problem}. Expected ${err.accepted}.`;
    }
    return err instanceof Error ? err.message : String(err);
}
async function main(argv) {
    try {
        if (argv[0] === 'merge')
            return await merge(argv.slice(1));
        if (argv[0] === 'capture')
            return await capture(argv.slice(1));
        if (argv[0] === 'hook')
            return await hook(argv.slice(1));
        return await single(argv);
    }
    catch (err) {
        const usage = err instanceof UsageError ? `\n${USAGE}` : '';
        process.stderr.write(`sigvec-check: ${describe(err)}\n${usage}`);
        return EXIT_CODES.usage;
    }
}
/** A SIGVEC_* variable this command does not read is ignored: say so. */
function warnUnreadVariables(reader) {
    for (const text of sigvecVariableWarnings(process.env, reader))
        process.stderr.write(`sigvec-check: warning: ${text}\n`);
}
/** parseArgs, with its complaints turned into usage errors. */
function usageOnThrow(f) {
    try {
        return f();
    }
    catch (err) {
        throw new UsageError(err.message);
    }
}
/** parseArgs' options for rows of the input table. */
function tableFlags(specs) {
    return Object.fromEntries(specs.map((spec) => [
        spec.name,
        { type: spec.cli === 'switch' ? 'boolean' : 'string' },
    ]));
}
/** A flag's value as parseOptions reads it: a switch given is 'true'. */
function flagValue(value) {
    return value === true ? 'true' : typeof value === 'string' ? value : '';
}
async function single(argv) {
    const { values: v } = usageOnThrow(() => (0,external_node_util_.parseArgs)({
        args: argv,
        strict: true,
        allowPositionals: false,
        options: {
            root: { type: 'string' },
            json: { type: 'boolean' },
            prometheus: { type: 'boolean' },
            ...tableFlags(AUDIT_FLAGS),
            'no-reproduce': { type: 'boolean' },
            version: { type: 'boolean' },
            help: { type: 'boolean', short: 'h' },
        },
    }));
    if (v.help) {
        process.stdout.write(USAGE);
        return 0;
    }
    if (v.version) {
        process.stdout.write(`${TOOL_VERSION}\n`);
        return 0;
    }
    if (v.json && v.prometheus)
        throw new UsageError('--json and --prometheus exclude each other');
    warnUnreadVariables('audit');
    if (typeof v.root === 'string')
        await checkRoot('root', v.root);
    // The table's flags, by the names parseOptions asks for.
    const given = v;
    const reproduce = flagValue(given.reproduce);
    if (v['no-reproduce'] && reproduce !== '' && reproduce !== 'never') {
        throw new UsageError('--no-reproduce contradicts --reproduce ' + reproduce);
    }
    const options = parseOptions((name) => name === 'reproduce' && v['no-reproduce']
        ? 'never'
        : flagValue(given[name]), typeof v.root === 'string' ? v.root : '/');
    await checkReportPath('report-path', options.reportPath);
    const quiet = v.json || v.prometheus;
    const report = await auditHere(options, {
        log: (line) => {
            if (!quiet)
                process.stderr.write(`${line}\n`);
        },
    });
    process.stdout.write(v.json
        ? JSON.stringify(report, null, 2) + '\n'
        : v.prometheus
            ? renderPrometheus(report)
            : renderText(report));
    return exitCode(report);
}
/**
 * The exit code by the status; a report that owes evidence asked for by
 * --reproduce always exits as unknown at best, since it was not settled as
 * asked.
 */
function exitCode(report) {
    const code = EXIT_CODES[report.status];
    return report.decision.evidenceMissing !== null && code === 0
        ? EXIT_CODES.unknown
        : code;
}
/**
 * Outside Actions the tool cache lives in the user's cache folder; messages
 * name the folder by where it came from and what would move it.
 */
function cliFolders(env) {
    const tempDir = env.RUNNER_TEMP || external_node_os_.tmpdir();
    const temp = env.RUNNER_TEMP
        ? 'RUNNER_TEMP'
        : `${tempDir}, the temp folder: set TMPDIR to move it`;
    if (env.RUNNER_TOOL_CACHE)
        return {
            tempDir,
            toolCacheDir: env.RUNNER_TOOL_CACHE,
            folderNames: { toolCache: 'the tool cache (RUNNER_TOOL_CACHE)', temp },
        };
    const base = env.XDG_CACHE_HOME
        ? { dir: env.XDG_CACHE_HOME, said: '$XDG_CACHE_HOME/sigvec-check' }
        : {
            dir: external_node_path_.join(external_node_os_.homedir(), '.cache'),
            said: '$HOME/.cache/sigvec-check',
        };
    const toolCacheDir = external_node_path_.join(base.dir, 'sigvec-check');
    return {
        tempDir,
        toolCacheDir,
        folderNames: {
            toolCache: `the cache folder ${toolCacheDir} (${base.said}; set XDG_CACHE_HOME or HOME to a folder you can write to move it)`,
            temp,
        },
    };
}
/** The audit of this machine (or --root), its Report also written to --report-path. */
async function auditHere(options, extra, 
/** How the user gave the report path, for errors: a flag or a variable. */
reportPathName = 'report-path') {
    const report = await audit(options, {
        godebug: process.env.GODEBUG,
        now: new Date(),
        ioDir: ioFolder(process.env),
        ...cliFolders(process.env),
        ...extra,
    });
    if (options.reportPath)
        await (0,src_files/* writeInputFile */.qR)(reportPathName, options.reportPath, JSON.stringify(report, null, 2) + '\n');
    return report;
}
/** Everything goes to the job log; the exit code is the gate. */
async function hook(argv) {
    const { values: v } = usageOnThrow(() => (0,external_node_util_.parseArgs)({
        args: argv,
        strict: true,
        allowPositionals: false,
        options: {
            root: { type: 'string' },
            help: { type: 'boolean', short: 'h' },
            ...Object.fromEntries(HOOK_SETTINGS.map((name) => [name, { type: 'string' }])),
        },
    }));
    if (v.help) {
        process.stdout.write(USAGE);
        return 0;
    }
    warnUnreadVariables('hook');
    if (typeof v.root === 'string')
        await checkRoot('root', v.root);
    const settings = parseHookSettings(v, process.env, v.root ?? '/');
    const given = v;
    const reportPathName = given['report-path'] !== undefined ? 'report-path' : envName('report-path');
    await checkReportPath(reportPathName, settings.options.reportPath);
    const log = (line) => process.stderr.write(`${line}\n`);
    const remembered = (await bootMemory(settings, log)) ?? undefined;
    const report = await auditHere(settings.options, { log, remembered }, reportPathName);
    const { failOn } = settings.options;
    process.stdout.write(renderText(report) + '\n' + hookOutcome(report.status, failOn));
    return hookExitCode(report.status, failOn);
}
async function merge(argv) {
    const { values: v, positionals } = usageOnThrow(() => (0,external_node_util_.parseArgs)({
        args: argv,
        strict: true,
        allowPositionals: true,
        options: {
            json: { type: 'boolean' },
            'json-file': { type: 'string' },
        },
    }));
    if (positionals.length === 0)
        throw new UsageError('merge needs at least one Report file or folder');
    const warn = (line) => process.stderr.write(`sigvec-check: ${oneLine(line)}\n`);
    const files = await findReportFiles(positionals, warn);
    const { entries, duplicates } = await readReports(files);
    const summary = mergeReports(entries, duplicates);
    // Said on stderr too: a job summary is not where a failing job is read.
    for (const row of summary.rows)
        if (row.invalid !== null)
            warn(`${row.invalid}; counted as unknown`);
    const json = JSON.stringify(summary, null, 2) + '\n';
    if (v['json-file'])
        await (0,src_files/* writeInputFile */.qR)('json-file', v['json-file'], json);
    process.stdout.write(v.json ? json : renderFleetMarkdown(summary));
    return summary.worst ? EXIT_CODES[summary.worst] : EXIT_CODES.usage;
}
async function capture(argv) {
    const { positionals } = usageOnThrow(() => (0,external_node_util_.parseArgs)({
        args: argv,
        strict: true,
        allowPositionals: true,
        options: {},
    }));
    if (positionals.length !== 1)
        throw new UsageError('capture needs exactly one folder');
    const r = await captureHost('/', positionals[0]);
    process.stdout.write(`captured ${r.copied.length} files into ${r.dir}` +
        (r.missing.length
            ? `; not on this machine: ${r.missing.join(', ')}`
            : '') +
        (r.unreadable.length
            ? `; unreadable: ${r.unreadable.map((u) => `${u.file} (${u.error})`).join(', ')}`
            : '') +
        `\naudit it with: sigvec-check --root ${r.dir}\n`);
    return 0;
}


/***/ }),

/***/ 7907:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Po: () => (/* binding */ ReadRefusal),
  A0: () => (/* binding */ ensureDir),
  CB: () => (/* binding */ readBounded),
  XF: () => (/* binding */ readRegularFile),
  fW: () => (/* binding */ whyForeign),
  Zf: () => (/* binding */ writeFileAtomic),
  qR: () => (/* binding */ writeInputFile)
});

// UNUSED EXPORTS: MAX_REGULAR_FILE_BYTES

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
// EXTERNAL MODULE: ./build/src/inputerror.js
var inputerror = __nccwpck_require__(5631);
// EXTERNAL MODULE: ./build/src/spawn.js + 1 modules
var spawn = __nccwpck_require__(4687);
;// CONCATENATED MODULE: ./build/src/files.js
// Creates folders, reads files without waiting on a FIFO, and writes files
// whole or not at all without replacing what it must not. Every folder the
// tool makes goes through ensureDir or the write path's own walk: Node's
// mkdir({ recursive: true }) never returns on paths under /proc (mkdir there
// answers ENOENT although the parent exists, and Node retries for ever), so
// ours walk the path once.
//
// What a write may replace (we run as root on other people's machines; the
// README's security notes say the same in prose):
// - nothing or a regular file: a temp file beside it, made exclusively with
//   an unguessable name, then link() (new: a file planted meanwhile is never
//   replaced) or rename() (existing). In a sticky folder that others may
//   write, a file someone else owns is refused, as fs.protected_regular does.
// - a character device or a FIFO: written through, never replaced; a FIFO
//   nobody reads is an error at once, not a wait.
// - a folder, a block device, a socket: refused with the reason.
// - a symlink, at the path or among its folders: followed only if root or
//   we own it (/dev/stdout → /proc/self/fd/1); the rules then apply to
//   where it leads. Anyone else's link is refused.
// Each folder on the way is held open and the next step is looked up in it
// (through /proc/self/fd, Node having no openat), so a folder swapped for a
// link after we looked cannot redirect the write.








/**
 * Creates `dir` and the parents it lacks. Finds the deepest folder that
 * exists (at most one step per path component), then creates each missing
 * folder below it once; any refusal is an error naming that folder.
 */
async function ensureDir(dir, mode) {
    const missing = [];
    for (let at = external_node_path_.resolve(dir);; at = external_node_path_.dirname(at)) {
        const st = await promises_.stat(at).catch((err) => {
            // ENOTDIR: a file on the way, found and named a step further up.
            if (err.code === 'ENOENT' || err.code === 'ENOTDIR')
                return null;
            throw new Error(`cannot create folder ${dir}: ${at}: ${err.code}`);
        });
        if (st) {
            if (!st.isDirectory())
                throw new Error(`cannot create folder ${dir}: ${at} exists and is not a folder`);
            break;
        }
        missing.unshift(at);
        if (external_node_path_.dirname(at) === at)
            break;
    }
    for (const at of missing) {
        try {
            await promises_.mkdir(at, mode === undefined ? undefined : { mode });
        }
        catch (err) {
            const code = err.code;
            if (code === 'EEXIST')
                continue;
            const parent = external_node_path_.dirname(at);
            const why = code === 'ENOENT'
                ? `${parent} exists but refuses new folders (ENOENT)`
                : `${code ?? String(err)}`;
            throw new Error(`cannot create folder ${at}: ${why}`);
        }
    }
}
/**
 * The one ownership rule for what we trust (a cached binary, a remembered
 * result, their folders): why someone other than this user (the effective
 * uid) or root could have written it, or null. `st` comes from lstat or
 * fstat, so a link is a link. Group-writable counts: we cannot tell who is
 * in the group. `subject` starts the reason: a path, or "it".
 */
function whyForeign(subject, st) {
    if (st.isSymbolicLink())
        return `${subject} is a symbolic link`;
    const me = process.geteuid?.() ?? 0;
    if (st.uid !== me && st.uid !== 0)
        return `${subject} is owned by uid ${st.uid}, not by this user (uid ${me}) or root`;
    if (st.mode & 0o022) {
        const who = st.mode & 0o002 ? 'others' : 'its group';
        return `${subject} can be written by ${who} (mode ${(st.mode & 0o7777).toString(8)})`;
    }
    return null;
}
/** Why readBounded refused a file, in words a report can carry. */
class ReadRefusal extends Error {
    reason;
    code;
    stat;
    size;
    max;
    name = 'ReadRefusal';
    constructor(reason, 
    /** An errno-like code: EISDIR, "not a regular file", EFBIG. */
    code, message, 
    /** What fstat saw of the refused file (its identity, for deduplication). */
    stat, 
    /** For "too large": the size seen ("123" or "at least 123") and the cap. */
    size = '', max = 0) {
        super(message);
        this.reason = reason;
        this.code = code;
        this.stat = stat;
        this.size = size;
        this.max = max;
    }
}
/**
 * The one way a file is read: only a regular file, and at most `maxBytes`.
 * O_NONBLOCK: opening a FIFO (planted in a captured host, or named *.json in
 * a folder given to merge) would otherwise wait for a writer for ever. The
 * bytes are read in chunks, not by st.size: /proc files say 0, and a file
 * may grow while read. A file over the cap is refused whole, so that no
 * parser judges half of it. Errors of open() come out as errno errors.
 */
async function readBounded(file, options) {
    const { maxBytes } = options;
    const handle = await promises_.open(file, external_node_fs_.constants.O_RDONLY |
        external_node_fs_.constants.O_NONBLOCK |
        (options.noFollow ? external_node_fs_.constants.O_NOFOLLOW : 0));
    try {
        const stat = await handle.stat();
        if (stat.isDirectory())
            throw new ReadRefusal('folder', 'EISDIR', `${file}: EISDIR`, stat);
        if (!stat.isFile()) {
            const code = 'not a regular file';
            throw new ReadRefusal('not regular', code, `${file}: ${code}`, stat);
        }
        if (stat.size > maxBytes)
            throw tooLarge(stat, `${stat.size}`, maxBytes);
        await options.verify?.(handle, stat);
        const chunks = [];
        let size = 0;
        for (;;) {
            const chunk = Buffer.alloc(Math.min(READ_CHUNK, maxBytes + 1 - size));
            const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
            if (bytesRead === 0)
                break;
            chunks.push(chunk.subarray(0, bytesRead));
            size += bytesRead;
            if (size > maxBytes)
                throw tooLarge(stat, `at least ${size}`, maxBytes);
        }
        return { bytes: Buffer.concat(chunks, size), stat };
    }
    finally {
        await handle.close();
    }
}
const READ_CHUNK = 64 * 1024;
function tooLarge(stat, size, max) {
    return new ReadRefusal('too large', 'EFBIG', `too large (${size} bytes; at most ${max} are read)`, stat, size, max);
}
/**
 * The largest file readRegularFile reads. What it reads are the live
 * host's /proc and /etc files, a few KiB; the cap only stops a runaway.
 */
const MAX_REGULAR_FILE_BYTES = 16 * 1024 * 1024;
/** The text of a regular file (see readBounded). */
async function readRegularFile(file) {
    const read = await readBounded(file, { maxBytes: MAX_REGULAR_FILE_BYTES });
    return read.bytes.toString('utf8');
}
const openFd = (0,external_node_util_.promisify)(external_node_fs_.open);
const closeFd = (0,external_node_util_.promisify)(external_node_fs_.close);
const fstatFd = (0,external_node_util_.promisify)(external_node_fs_.fstat);
const fsyncFd = (0,external_node_util_.promisify)(external_node_fs_.fsync);
const writeFd = (0,external_node_util_.promisify)(external_node_fs_.write);
/** Every byte, or an error naming `shown`; EAGAIN is a device that would block. */
async function writeAll(fd, data, shown) {
    for (let done = 0; done < data.length;) {
        const { bytesWritten } = await writeFd(fd, data, done).catch((err) => {
            if (err.code === 'EAGAIN')
                throw new Error(`${shown}: the device would block; not all written`);
            throw new Error(`${shown}: ${err.code ?? err.message}`);
        });
        if (bytesWritten === 0)
            throw new Error(`${shown}: no room to write`);
        done += bytesWritten;
    }
}
/** Node does not export O_PATH; this is its value on x86 and arm. */
const O_PATH_LINUX = 0o10000000;
/** Linux's limit on symlinks followed in one path (MAXSYMLINKS). */
const MAX_LINKS = 40;
/** Where Node lets us name "this entry of that open folder" (openat). */
const HELD_FOLDERS = external_node_fs_.existsSync('/proc/self/fd');
const euid = () => process.geteuid?.() ?? -1;
function entry(folder, name) {
    return HELD_FOLDERS
        ? `/proc/self/fd/${folder.fd}/${name}`
        : external_node_path_.join(folder.real, name);
}
async function openFolder(at, real, shown) {
    const flags = external_node_fs_.constants.O_DIRECTORY | external_node_fs_.constants.O_NOFOLLOW;
    const fd = await openFd(at, external_node_fs_.constants.O_RDONLY | flags).catch((err) => {
        // A folder we may pass through but not list (mode 711): O_PATH holds
        // it all the same. Not every platform has it; Linux's is 010000000.
        if (err.code !== 'EACCES' || process.platform !== 'linux')
            throw err;
        return openFd(at, O_PATH_LINUX | flags);
    });
    return { fd, real, shown, stat: await fstatFd(fd, {}) };
}
/** /proc/PID/fd/N names an open file; its link text may not be a path
 * ("pipe:[123]"), but the kernel follows it to the file itself. */
function isFdFolder(real) {
    return /^\/proc\/\d+(\/task\/\d+)?\/fd$/.test(real);
}
function kindOf(st) {
    if (st.isDirectory())
        return 'a folder';
    if (st.isBlockDevice())
        return 'a block device';
    if (st.isSocket())
        return 'a socket';
    if (st.isCharacterDevice())
        return 'a character device';
    if (st.isFIFO())
        return 'a FIFO';
    if (st.isSymbolicLink())
        return 'a symlink';
    return 'a regular file';
}
/**
 * Walks `file` one component at a time from /, each folder held open,
 * following only links that root or we own, creating missing folders.
 * The caller closes the returned folder.
 */
async function walkTo(file) {
    const wanted = external_node_path_.resolve(file);
    const dirWanted = external_node_path_.dirname(wanted);
    if (wanted === '/')
        throw new Error('/ is a folder; give a file path');
    // `shown`: the user's spelling up to this step; a link's target keeps
    // the link's own name, so messages speak of what the user wrote.
    const names = wanted.split('/').filter(Boolean);
    const pending = names.map((name, i) => ({
        name,
        shown: '/' + names.slice(0, i + 1).join('/'),
    }));
    let folder = await openFolder('/', '/', '/');
    let links = 0;
    try {
        for (;;) {
            const step = pending.shift();
            if (!step)
                throw new Error(`${folder.shown} is a folder; give a file path`);
            const last = pending.length === 0;
            if (step.name === '.' || step.name === '..') {
                if (last)
                    throw new Error(`${step.shown} is a folder; give a file path`);
                const up = step.name === '..' ? external_node_path_.dirname(folder.real) : folder.real;
                const next = await openFolder(entry(folder, step.name), up, step.shown);
                await closeFd(folder.fd);
                folder = next;
                continue;
            }
            const at = entry(folder, step.name);
            const st = await promises_.lstat(at).catch((err) => {
                if (err.code === 'ENOENT')
                    return null;
                throw new Error(`${step.shown}: ${err.code ?? err.message}`);
            });
            if (st === null) {
                if (last)
                    return { kind: 'entry', folder, name: step.name, stat: null };
                await promises_.mkdir(at).catch((err) => {
                    // EEXIST: made meanwhile; looked at again below like any entry.
                    if (err.code === 'EEXIST')
                        return;
                    const why = err.code === 'ENOENT'
                        ? `${folder.shown} exists but refuses new folders (ENOENT)`
                        : (err.code ?? err.message);
                    throw new Error(`cannot create folder ${step.shown}: ${why}`);
                });
                pending.unshift(step);
                continue;
            }
            if (st.isSymbolicLink()) {
                if (st.uid !== 0 && st.uid !== euid())
                    throw new Error(`${step.shown} is a symlink owned by uid ${st.uid}; only links owned by root or by us (uid ${euid()}) are followed, since another user's link could lead anywhere. Give the path it should lead to`);
                if (++links > MAX_LINKS)
                    throw new Error(`${step.shown}: too many levels of symlinks`);
                const target = await promises_.readlink(at);
                // /dev/stdout → /proc/self/fd/1 → "pipe:[123]": not a path; the
                // kernel itself follows it to the open file.
                // /dev/stdout → /proc/self/fd/1: one of our own open files, meant
                // as that stream (a shell's `> out.txt` included), not as a path
                // to replace.
                const ownFd = folder.real === `/proc/${process.pid}/fd` && /^\d+$/.test(step.name)
                    ? Number(step.name)
                    : null;
                if (isFdFolder(folder.real) &&
                    (ownFd !== null || !target.startsWith('/'))) {
                    if (!last)
                        throw new Error(`${step.shown} is not a folder (an open file)`);
                    return { kind: 'fd-link', folder, at, ownFd };
                }
                if (target.startsWith('/')) {
                    const root = await openFolder('/', '/', step.shown);
                    await closeFd(folder.fd);
                    folder = root;
                }
                pending.unshift(...target
                    .split('/')
                    .filter(Boolean)
                    .map((name) => ({ name, shown: step.shown })));
                continue;
            }
            if (last)
                return { kind: 'entry', folder, name: step.name, stat: st };
            if (!st.isDirectory())
                throw new Error(`cannot create folder ${dirWanted}: ${step.shown} exists and is not a folder`);
            const next = await openFolder(at, external_node_path_.join(folder.real, step.name), step.shown).catch((err) => {
                // swapped for a link or a file since the lstat: look again
                if (err.code === 'ELOOP' || err.code === 'ENOTDIR')
                    return null;
                throw new Error(`${step.shown}: ${err.code ?? err.message}`);
            });
            if (next === null) {
                pending.unshift(step);
                continue;
            }
            await closeFd(folder.fd);
            folder = next;
        }
    }
    catch (err) {
        await closeFd(folder.fd);
        throw err;
    }
}
/**
 * A sticky folder others may write in (/tmp): only the file's owner may
 * replace it there, and the kernel's fs.protected_regular/_fifos make even
 * root's O_CREAT refuse it. Root's rename() ignores the sticky bit, so we
 * apply the rule ourselves.
 */
function othersFileInSharedFolder(folder, st) {
    const shared = (folder.stat.mode & 0o1000) !== 0 && (folder.stat.mode & 0o022) !== 0;
    return shared && st.uid !== euid() && st.uid !== folder.stat.uid;
}
/**
 * A temp file beside the destination: O_EXCL|O_NOFOLLOW with 64 random
 * bits in its name, so nothing planted (a link at a guessed name) is ever
 * opened; written, synced, closed. The name ends `.<digits>.tmp`, which the
 * hook's state folder sweeps if a kill left one behind.
 */
async function writeTemp(folder, name, content, mode) {
    const digits = (0,external_node_crypto_.randomBytes)(8).readBigUInt64BE().toString();
    const tmp = `${name.slice(0, 200)}.${digits}.tmp`;
    const fd = await openFd(entry(folder, tmp), external_node_fs_.constants.O_WRONLY |
        external_node_fs_.constants.O_CREAT |
        external_node_fs_.constants.O_EXCL |
        external_node_fs_.constants.O_NOFOLLOW, mode);
    try {
        await writeAll(fd, Buffer.from(content), name);
        await fsyncFd(fd);
    }
    catch (err) {
        await closeFd(fd);
        await promises_.rm(entry(folder, tmp), { force: true });
        throw err;
    }
    await closeFd(fd);
    return tmp;
}
/** A regular file or nothing at the destination: temp, then into place. */
async function writeBeside(folder, name, existing, content, mode, shown) {
    if (existing && othersFileInSharedFolder(folder, existing))
        throw new Error(`${shown} belongs to uid ${existing.uid} in ${folder.shown}, a sticky folder others can write to; it is not replaced (the kernel's fs.protected_regular rule). Give a path in a folder of your own`);
    const tmpPath = () => entry(folder, tmp);
    let tmp = '';
    const release = (0,spawn/* cleanupOnCancel */.IN)(() => tmp && (0,external_node_fs_.rmSync)(tmpPath(), { force: true }));
    try {
        tmp = await writeTemp(folder, name, content, mode);
        if (existing) {
            await promises_.rename(tmpPath(), entry(folder, name));
        }
        else {
            // link() never replaces: whatever appeared meanwhile stays, and we fail.
            await promises_.link(tmpPath(), entry(folder, name))
                .catch((err) => {
                if (err.code === 'EEXIST')
                    throw new Error(`${shown} appeared while the file was being written; it is not replaced`);
                throw err;
            });
        }
        await fsyncFd(folder.fd).catch(() => {
            // some file systems cannot sync a folder; the file itself is synced
        });
    }
    finally {
        if (tmp)
            await promises_.rm(tmpPath(), { force: true });
        release();
    }
}
/**
 * A character device or FIFO: opened for writing as it is, never created
 * or truncated. O_NONBLOCK: a FIFO nobody reads answers ENXIO at once
 * instead of waiting for a reader. The fstat after the open checks it is
 * still what was allowed (a regular file swapped in is not written in place).
 */
async function writeThrough(at, follow, content, shown) {
    let fd;
    try {
        fd = await openFd(at, external_node_fs_.constants.O_WRONLY |
            external_node_fs_.constants.O_NONBLOCK |
            external_node_fs_.constants.O_NOCTTY |
            (follow ? 0 : external_node_fs_.constants.O_NOFOLLOW));
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENXIO')
            throw new Error(`${shown} is a FIFO that nobody is reading (or a socket); nothing was written`);
        throw new Error(`${shown}: ${code ?? String(err)}`);
    }
    const st = await fstatFd(fd, {}).catch(async (err) => {
        await closeFd(fd);
        throw err;
    });
    if (st.isFIFO()) {
        // A pipe's reader may be slower than we write: Node's socket layer
        // waits for room on the non-blocking fd, which fs.write would not.
        const pipe = new external_node_net_namespaceObject.Socket({ fd, readable: false, writable: true });
        await new Promise((resolve, reject) => {
            pipe.on('error', (err) => reject(new Error(`${shown}: the FIFO's reader went away (${err.code ?? err.message})`)));
            pipe.on('close', () => resolve());
            pipe.end(content);
        });
        return;
    }
    try {
        if (!st.isCharacterDevice())
            throw new Error(`${shown} became ${kindOf(st)} while being opened; nothing was written`);
        await writeAll(fd, Buffer.from(content), shown);
    }
    finally {
        await closeFd(fd);
    }
}
/**
 * Writes `content` to `file` by the rules at the top of this module: whole
 * or not at all, never replacing what it must not, never through a link
 * another user could have made. `mode` is for a file we create.
 */
async function writeFileAtomic(file, content, mode = 0o666) {
    const to = await walkTo(file);
    const shown = external_node_path_.resolve(file);
    try {
        if (to.kind === 'fd-link') {
            // Our stdout or stderr: through Node's own stream, so the report
            // lands in order with what we print, whatever the stream is (a file
            // at its offset, a pipe, a socket that cannot be opened anew).
            const stream = to.ownFd === 1 ? process.stdout : to.ownFd === 2 ? process.stderr : null;
            if (stream)
                await new Promise((resolve, reject) => stream.write(content, (err) => (err ? reject(err) : resolve())));
            else if (to.ownFd !== null && (await fstatFd(to.ownFd, {})).isFile())
                await writeAll(to.ownFd, Buffer.from(content), shown);
            else
                await writeThrough(to.at, true, content, shown);
            return;
        }
        const { folder, name, stat } = to;
        if (stat === null || stat.isFile()) {
            await writeBeside(folder, name, stat, content, mode, shown);
        }
        else if (stat.isCharacterDevice() || stat.isFIFO()) {
            if (othersFileInSharedFolder(folder, stat))
                throw new Error(`${shown} is ${kindOf(stat)} owned by uid ${stat.uid} in ${folder.shown}, a sticky folder others can write to; it is not written (the kernel's fs.protected_fifos rule)`);
            await writeThrough(entry(folder, name), false, content, shown);
        }
        else if (stat.isDirectory()) {
            throw new Error(`${shown} is a folder; give a file path`);
        }
        else {
            throw new Error(`${shown} is ${kindOf(stat)}; only a regular file (replaced), a character device or a FIFO (written through) are accepted`);
        }
    }
    finally {
        await closeFd(to.folder.fd);
    }
}
/** writeFileAtomic for a path the user gave as `input`: failures name it. */
async function writeInputFile(input, file, content) {
    try {
        await writeFileAtomic(file, content);
    }
    catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new inputerror/* InputError */.d(input, file, `a file path in a folder that exists or can be created; ${why}`);
    }
}


/***/ }),

/***/ 5631:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ InputError)
/* harmony export */ });
// The one error a bad input raises, wherever the value is first found
// wanting (parsing, creating a report's folder, a compiler that never
// finishes): it names the input, the value given and what is accepted. The
// action fails the step with its message; the CLI names the flag or the
// hook's variable instead.
/** A bad input: the step fails with this message and writes no outputs. */
class InputError extends Error {
    input;
    value;
    accepted;
    problem;
    name = 'InputError';
    constructor(input, value, accepted, 
    /** What is wrong with the value, where its shape alone is not it:
     * "does not exist", "is a folder". */
    problem = null) {
        super(`Invalid input '${input}': ${JSON.stringify(value)}${problem ? ` ${problem}` : ''}. Expected ${accepted}.`);
        this.input = input;
        this.value = value;
        this.accepted = accepted;
        this.problem = problem;
    }
}


/***/ }),

/***/ 4687:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  K2: () => (/* binding */ TOOL_DEADLINE_ENV),
  IN: () => (/* binding */ cleanupOnCancel),
  IK: () => (/* binding */ probeDeadlineSeconds),
  Se: () => (/* binding */ runInGroup),
  Om: () => (/* binding */ toolDeadlineSeconds)
});

// UNUSED EXPORTS: OUTPUT_HEAD_BYTES, OUTPUT_TAIL_BYTES, PROBE_DEADLINE_SECONDS, TOOL_DEADLINE_SECONDS, killAllGroups, leftOutMarker

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./build/src/spawn.js
// Runs a program in its own process group with a hard deadline, and ends
// the whole group on every path: normal exit, timeout, and the action being
// cancelled (SIGINT, then SIGTERM, as the runner sends them). The compiler,
// `go` and the reproducer all run through here, so nothing is waited on
// without an end, and no output is kept without a bound.

/**
 * What is kept of each stream: the head (a compiler's first errors, a
 * usage message) and the tail (the reproducer's result line is its last).
 * A compiler that printed 700 MB once crashed the action with a RangeError
 * (a string past V8's limit); nothing we run needs more than this.
 */
const OUTPUT_HEAD_BYTES = 64 * 1024;
const OUTPUT_TAIL_BYTES = 64 * 1024;
/** The line that stands where output was left out. */
function leftOutMarker(bytes) {
    return `\n[sigvec-check: ${bytes} bytes of output left out here]\n`;
}
/** One stream's head and tail, however much the program writes. */
class BoundedOutput {
    head = [];
    headBytes = 0;
    tail = [];
    tailBytes = 0;
    bytes = 0;
    add(chunk) {
        this.bytes += chunk.length;
        const toHead = Math.min(OUTPUT_HEAD_BYTES - this.headBytes, chunk.length);
        if (toHead > 0) {
            this.head.push(chunk.subarray(0, toHead));
            this.headBytes += toHead;
            chunk = chunk.subarray(toHead);
            if (chunk.length === 0)
                return;
        }
        this.tail.push(chunk);
        this.tailBytes += chunk.length;
        // Whole chunks that the tail no longer needs are dropped as they come.
        while (this.tailBytes - (this.tail[0]?.length ?? 0) >= OUTPUT_TAIL_BYTES) {
            this.tailBytes -= this.tail.shift().length;
        }
    }
    text() {
        const tail = Buffer.concat(this.tail);
        const kept = tail.subarray(Math.max(0, tail.length - OUTPUT_TAIL_BYTES));
        const leftOut = this.bytes - this.headBytes - kept.length;
        const head = Buffer.concat(this.head).toString('utf8');
        return leftOut > 0
            ? head + leftOutMarker(leftOut) + kept.toString('utf8')
            : head + kept.toString('utf8');
    }
}
const liveGroups = new Set();
/** How long the pipes may stay open after the program itself exited. */
const DRAIN_MS = 10_000;
/**
 * The deadline for each call of a helper program (the compiler, `go`):
 * generous, since only a program that waits on something that never comes
 * should meet it. SIGVEC_CHECK_TOOL_DEADLINE (seconds) overrides it, for a
 * compiler that is slow on purpose and for the tests of stuck programs.
 */
const TOOL_DEADLINE_SECONDS = 300;
const TOOL_DEADLINE_ENV = 'SIGVEC_CHECK_TOOL_DEADLINE';
function toolDeadlineSeconds(env = process.env) {
    const raw = env[TOOL_DEADLINE_ENV]?.trim();
    if (!raw)
        return TOOL_DEADLINE_SECONDS;
    const seconds = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(seconds >= 1 && seconds <= 3600))
        throw new Error(`Invalid ${TOOL_DEADLINE_ENV}: ${JSON.stringify(raw)}. Expected whole seconds from 1 to 3600.`);
    return seconds;
}
/**
 * A version probe (`go env GOVERSION`, `cc --version`, `cc -dumpmachine`)
 * answers at once on any working toolchain; one that does not is stuck on
 * something (a shim downloading a toolchain, a licence server) and must not
 * cost the tool deadline on every audit. A lower tool deadline still wins.
 */
const PROBE_DEADLINE_SECONDS = 10;
function probeDeadlineSeconds(env = process.env) {
    return Math.min(PROBE_DEADLINE_SECONDS, toolDeadlineSeconds(env));
}
function killGroup(pgid) {
    try {
        process.kill(-pgid, 'SIGKILL');
    }
    catch {
        // ESRCH: the group is already gone.
    }
}
/** Kills every group still running; for the cancellation handler. */
function killAllGroups() {
    for (const pgid of liveGroups)
        killGroup(pgid);
    liveGroups.clear();
}
let cancelHandlersInstalled = false;
const cancelCleanups = new Set();
/**
 * Runs `cleanup` (synchronously, e.g. removing a scratch folder) if the job
 * is cancelled before the returned function is called.
 */
function cleanupOnCancel(cleanup) {
    endGroupsOnCancel();
    cancelCleanups.add(cleanup);
    return () => cancelCleanups.delete(cleanup);
}
/**
 * On SIGINT/SIGTERM kill the groups we started and exit with the signal's
 * conventional code, so nothing we started outlives a cancelled job.
 */
function endGroupsOnCancel() {
    if (cancelHandlersInstalled)
        return;
    cancelHandlersInstalled = true;
    for (const [sig, code] of [
        ['SIGINT', 130],
        ['SIGTERM', 143],
    ]) {
        process.on(sig, () => {
            killAllGroups();
            for (const cleanup of cancelCleanups) {
                try {
                    cleanup();
                }
                catch {
                    // what cannot be removed is left; the exit must not wait on it
                }
            }
            process.stderr.write(`sigvec-check: ${sig} received; the programs it started are stopped\n`);
            process.exit(code);
        });
    }
}
function runInGroup(file, args, deadlineMs) {
    // Whatever runs in a group is ended if the job is cancelled meanwhile.
    endGroupsOnCancel();
    const started = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(file, args, {
            detached: true,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        const stdout = new BoundedOutput();
        const stderr = new BoundedOutput();
        let timedOut = false;
        child.stdout.on('data', (d) => stdout.add(d));
        child.stderr.on('data', (d) => stderr.add(d));
        const pgid = child.pid;
        if (pgid !== undefined)
            liveGroups.add(pgid);
        // A program that left the group (setsid) can hold our pipes open for
        // ever; once the deadline or the drain time after exit has passed, the
        // pipes are closed on our side so 'close' still comes.
        const stopReading = () => {
            child.stdout.destroy();
            child.stderr.destroy();
        };
        let drain;
        const timer = setTimeout(() => {
            timedOut = true;
            if (pgid !== undefined)
                killGroup(pgid);
            stopReading();
        }, deadlineMs);
        child.on('exit', () => {
            drain = setTimeout(stopReading, DRAIN_MS);
        });
        child.on('error', (err) => {
            clearTimeout(timer);
            clearTimeout(drain);
            if (pgid !== undefined)
                liveGroups.delete(pgid);
            reject(err);
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            clearTimeout(drain);
            // Anything the program left in its group goes with it.
            if (pgid !== undefined) {
                killGroup(pgid);
                liveGroups.delete(pgid);
            }
            resolve({
                code,
                signal,
                stdout: stdout.text(),
                stderr: stderr.text(),
                stdoutBytes: stdout.bytes,
                stderrBytes: stderr.bytes,
                timedOut,
                seconds: Number(process.hrtime.bigint() - started) / 1e9,
            });
        });
    });
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat */
/******/ 
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = new URL('.', import.meta.url).pathname.slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(8422);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
