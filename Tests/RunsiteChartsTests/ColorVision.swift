import Foundation

/// Colour arithmetic for checking the palette: sRGB to CIELAB (D65), CIEDE2000 differences, the
/// Machado, Oliveira and Fernandes (2009) simulation of colour-vision deficiencies at full
/// severity, and WCAG contrast ratios.
enum ColorVision {
    typealias RGB = (Double, Double, Double)
    typealias Lab = (L: Double, a: Double, b: Double)

    /// Machado 2009's matrices for severity 1.0, applied to linear RGB.
    static let protanopia: [[Double]] = [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
    static let deuteranopia: [[Double]] = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]

    /// Linear RGB of `#RRGGBB`.
    static func linear(_ hex: String) -> RGB {
        let digits = Array(hex.dropFirst())
        func channel(_ i: Int) -> Double {
            let c = Double(Int(String(digits[i..<i + 2]), radix: 16)!) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return (channel(0), channel(2), channel(4))
    }

    /// `color` as a viewer with the deficiency of `matrix` sees it (nil: normal vision), in CIELAB.
    static func lab(_ hex: String, seenWith matrix: [[Double]]? = nil) -> Lab {
        var (r, g, b) = linear(hex)
        if let m = matrix {
            let v = [r, g, b]
            func row(_ i: Int) -> Double { min(1, max(0, m[i][0] * v[0] + m[i][1] * v[1] + m[i][2] * v[2])) }
            (r, g, b) = (row(0), row(1), row(2))
        }
        let x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
        let y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
        let z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883
        func f(_ t: Double) -> Double { t > pow(6.0 / 29, 3) ? cbrt(t) : t / (3 * pow(6.0 / 29, 2)) + 4.0 / 29 }
        return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
    }

    /// CIEDE2000 (Sharma, Wu and Dalal 2005), with kL = kC = kH = 1.
    static func deltaE2000(_ p: Lab, _ q: Lab) -> Double {
        func rad(_ d: Double) -> Double { d * .pi / 180 }
        func deg(_ r: Double) -> Double { r * 180 / .pi }
        let c1 = hypot(p.a, p.b), c2 = hypot(q.a, q.b), cBar = (c1 + c2) / 2
        let g = 0.5 * (1 - sqrt(pow(cBar, 7) / (pow(cBar, 7) + pow(25, 7))))
        let a1 = (1 + g) * p.a, a2 = (1 + g) * q.a
        let c1p = hypot(a1, p.b), c2p = hypot(a2, q.b)
        func hue(_ b: Double, _ a: Double) -> Double {
            if b == 0 && a == 0 { return 0 }
            let h = deg(atan2(b, a))
            return h < 0 ? h + 360 : h
        }
        let h1 = hue(p.b, a1), h2 = hue(q.b, a2)
        let dL = q.L - p.L, dC = c2p - c1p
        var dh = 0.0
        if c1p * c2p != 0 {
            dh = h2 - h1
            if dh > 180 { dh -= 360 } else if dh < -180 { dh += 360 }
        }
        let dH = 2 * sqrt(c1p * c2p) * sin(rad(dh / 2))
        let lBar = (p.L + q.L) / 2, cBarP = (c1p + c2p) / 2
        var hBar = h1 + h2
        if c1p * c2p != 0 {
            hBar = abs(h1 - h2) <= 180 ? (h1 + h2) / 2 : (h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2)
        }
        let t = 1 - 0.17 * cos(rad(hBar - 30)) + 0.24 * cos(rad(2 * hBar)) + 0.32 * cos(rad(3 * hBar + 6)) - 0.20 * cos(rad(4 * hBar - 63))
        let dTheta = 30 * exp(-pow((hBar - 275) / 25, 2))
        let rC = 2 * sqrt(pow(cBarP, 7) / (pow(cBarP, 7) + pow(25, 7)))
        let sL = 1 + 0.015 * pow(lBar - 50, 2) / sqrt(20 + pow(lBar - 50, 2))
        let sC = 1 + 0.045 * cBarP, sH = 1 + 0.015 * cBarP * t
        let rT = -sin(rad(2 * dTheta)) * rC
        return sqrt(pow(dL / sL, 2) + pow(dC / sC, 2) + pow(dH / sH, 2) + rT * (dC / sC) * (dH / sH))
    }

    /// The WCAG 2 contrast ratio of two colours.
    static func contrast(_ x: String, _ y: String) -> Double {
        func luminance(_ hex: String) -> Double { let (r, g, b) = linear(hex); return 0.2126 * r + 0.7152 * g + 0.0722 * b }
        let (a, b) = (luminance(x), luminance(y))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}
