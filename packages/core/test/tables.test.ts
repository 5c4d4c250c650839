import { expect } from 'chai';
import { GskStatus, gskStatusName, gskStrerror } from '../src/gsk/status.js';
import { GSK_BY_FAULT, ALERT_BY_FAULT, FAULT_BY_PEER_ALERT } from '../src/tls/faults.js';
import { TlsError } from '../src/tls/TlsError.js';
import { AlertDescription } from '../src/tls/alerts.js';

describe('GSK tables', () => {
  it("uses IBM's numbers", () => {
    expect(GskStatus.GSK_OK).to.equal(0);
    expect(GskStatus.GSK_INVALID_STATE).to.equal(5);
    expect(GskStatus.GSK_ERROR_BAD_DATE).to.equal(401);
    expect(GskStatus.GSK_ERROR_IO).to.equal(406);
    expect(GskStatus.GSK_ERROR_BAD_MAC).to.equal(411);
    expect(GskStatus.GSK_ERROR_SOCKET_CLOSED).to.equal(420);
    expect(GskStatus.GSK_WOULD_BLOCK).to.equal(502);
    expect(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT).to.equal(6000);
    expect(GskStatus.GSK_IBMI_ERROR_CLOSED).to.equal(6004);
    expect(GskStatus.GSK_IBMI_ERROR_TIMED_OUT).to.equal(6011);
  });

  it('gskStrerror has text for every status and N/A otherwise', () => {
    for (const value of Object.values(GskStatus)) {
      if (typeof value === 'number') expect(gskStrerror(value), gskStatusName(value)).to.not.equal('N/A');
    }
    expect(gskStrerror(123456)).to.equal('N/A');
    expect(gskStatusName(411)).to.equal('GSK_ERROR_BAD_MAC');
  });

  it('maps every fault to a status, and peer alerts back to faults', () => {
    for (const [fault, status] of Object.entries(GSK_BY_FAULT)) expect(GskStatus[status], fault).to.be.a('string');
    expect(TlsError.fromPeerAlert(AlertDescription.unknown_ca).status).to.equal(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT);
    expect(TlsError.fromPeerAlert(AlertDescription.bad_record_mac).fault).to.equal('bad-mac');
    expect(TlsError.fromPeerAlert(200).fault).to.equal('peer-alert');
    for (const fault of Object.values(FAULT_BY_PEER_ALERT)) expect(GSK_BY_FAULT[fault!]).to.be.a('number');
    expect(ALERT_BY_FAULT['bad-mac']).to.equal(AlertDescription.bad_record_mac);
  });

  it('TlsError message names the status, the detail and the alert', () => {
    const e = new TlsError('expired', 'leaf expired on 2020-01-01');
    expect(e.status).to.equal(GskStatus.GSK_ERROR_BAD_DATE);
    expect(e.message).to.match(/GSK_ERROR_BAD_DATE: leaf expired.*certificate_expired/);
  });
});
