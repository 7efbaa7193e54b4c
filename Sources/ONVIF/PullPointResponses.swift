/// The answers of the stateful event operations, written from what ``EventSubscriptions``
/// decided (event.wsdl and WS-BaseNotification, in their sequence order).
public enum PullPointResponses {
    /// `CreatePullPointSubscriptionResponse`: the pull point's address, the time, and when it ends.
    public static func createdPullPoint(address: String, now: Int64, termination: Int64) -> String {
        SOAPResponse.envelope { w in
            w.element("tev:CreatePullPointSubscriptionResponse") { w in
                w.element("tev:SubscriptionReference") { w in w.element("wsa:Address", value: address) }
                w.element("wsnt:CurrentTime", value: XSDateTime.format(now))
                w.element("wsnt:TerminationTime", value: XSDateTime.format(termination))
            }
        }
    }

    /// `PullMessagesResponse`.
    public static func pulled(_ messages: [EventMessage], now: Int64, termination: Int64) -> String {
        SOAPResponse.envelope { w in
            w.element("tev:PullMessagesResponse") { w in
                w.element("tev:CurrentTime", value: XSDateTime.format(now))
                w.element("tev:TerminationTime", value: XSDateTime.format(termination))
                for message in messages { message.write(into: &w) }
            }
        }
    }

    /// `RenewResponse` (WS-BaseNotification §6.1).
    public static func renewed(now: Int64, termination: Int64) -> String {
        SOAPResponse.envelope { w in
            w.element("wsnt:RenewResponse") { w in
                w.element("wsnt:TerminationTime", value: XSDateTime.format(termination))
                w.element("wsnt:CurrentTime", value: XSDateTime.format(now))
            }
        }
    }

    /// `UnsubscribeResponse` (WS-BaseNotification §6.2), empty.
    public static func unsubscribed() -> String {
        SOAPResponse.envelope { w in w.empty("wsnt:UnsubscribeResponse", []) }
    }

    /// `SetSynchronizationPointResponse`, empty.
    public static func synchronized() -> String {
        SOAPResponse.envelope { w in w.empty("tev:SetSynchronizationPointResponse", []) }
    }
}
