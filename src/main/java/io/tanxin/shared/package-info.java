/**
 * The shared kernel: value types every module uses (USCC, periods, quantities with units, pages)
 * and the domain-error type the web layer turns into RFC 9457 problems.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.tanxin.shared;
